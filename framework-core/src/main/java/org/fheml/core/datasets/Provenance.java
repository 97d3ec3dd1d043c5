package org.fheml.core.datasets;

import java.util.Objects;

/**
 * Where a dataset comes from and under which licence it may be used, kept with the data so that results and
 * notebooks can cite it.
 *
 * @param origin  the source: a citation for a bundled dataset, the file path for one loaded from CSV
 * @param licence the licence the data is distributed under, or "unknown"
 */
public record Provenance(String origin, String licence) {

    public Provenance {
        Objects.requireNonNull(origin, "origin must not be null");
        Objects.requireNonNull(licence, "licence must not be null");
        if (origin.isBlank()) {
            throw new IllegalArgumentException("Provenance origin must not be blank.");
        }
        if (licence.isBlank()) {
            throw new IllegalArgumentException("Provenance licence must not be blank; use \"unknown\" if it is not known.");
        }
    }
}

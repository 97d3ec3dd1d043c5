package org.fheml.tfhe.boundaryfixture;

import org.fheml.core.FheMode;

/**
 * A class that breaks a module rule on purpose (tfhe must not import framework-core), so that a test can show the
 * rule catches it. It lives in test sources, which the production rules do not scan.
 */
public final class ForbiddenImportFixture {

    public FheMode mode() {
        return FheMode.DISABLE;
    }
}

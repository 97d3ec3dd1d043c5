package org.fheml.cli;

import picocli.CommandLine;

/** Reports the version written into the jar's manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"fheml " + (version == null ? "(development build)" : version)
                + " on Java " + Runtime.version()};
    }
}

package dev.parley.server.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code parley --version}: the jar's implementation version when packaged. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ParleyCli.class.getPackage().getImplementationVersion();
        return new String[] {"parley " + (version == null ? "(development build)" : version)};
    }
}

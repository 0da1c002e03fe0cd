package io.newsmonitor.app.cli;

import io.newsmonitor.app.wiring.AppConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code newsmonitor settings}: every setting of {@code newsmonitor.yaml}, with its default, meaning and rules. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Print every setting of newsmonitor.yaml with its default, meaning and rules (Markdown).")
final class SettingsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AppConfig.settingsTable());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

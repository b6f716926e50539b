package io.voipdoc.cli;

import picocli.CommandLine.Option;

/** The {@code --lang} option every command shares. */
final class LanguageOption {
  @Option(
      names = "--lang",
      defaultValue = "",
      description = "language of the texts: en or de (default: from the environment)")
  String lang = "";

  /** The texts in the chosen language. */
  Messages messages() {
    return Messages.forLanguage(lang);
  }
}

package io.deepreshape.cli.common;

import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import picocli.CommandLine.Option;

/** {@code --profile NAME|FILE} and {@code --network NAME}: how latency is estimated. */
public final class ProfileOptions {
  @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = "he-gc",
      description = "Latency profile: he-gc (server garbles), he-gc-client-garbler, relu-only, measured (this "
          + "project's engine, fitted by pi calibrate), or a profile file "
          + "(default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--network", paramLabel = "NAME", defaultValue = Profiles.DEFAULT_NETWORK,
      description = "Network setting: loopback, lan, wan (default: ${DEFAULT-VALUE}).")
  String network;

  public Profile profile() {
    return Profiles.load(profile);
  }

  public NetworkSetting network() {
    return Profiles.network(network);
  }
}

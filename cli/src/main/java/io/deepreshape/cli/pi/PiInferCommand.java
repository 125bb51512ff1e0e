package io.deepreshape.cli.pi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Json;
import io.deepreshape.error.UserInputException;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.protocol.ClientSession;
import io.deepreshape.pi.protocol.InferenceResult;
import io.deepreshape.pi.protocol.PeerBusyException;
import io.deepreshape.pi.protocol.ServerInfo;
import io.deepreshape.pi.protocol.WarmUp;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.data.ImageDataset;
import io.deepreshape.train.data.Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code pi infer}: the client. Connects to a server, runs one secure inference of an image file or
 * a dataset image, prints the class, the logits and a per-phase table. A server that is busy gives
 * exit code {@value #BUSY} (EX_TEMPFAIL of sysexits.h: try again later); every other failure of the
 * connection or of the server, as before, is one line and exit code 2.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
    description = "Classify one image by private inference against a 'pi serve' server.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the image was classified",
        "2:bad input, or the connection or the server failed (the message says which side)",
        "75:the server is busy: try again later"})
public final class PiInferCommand implements Callable<Integer> {
  /** Exit code when the server turns the client away as busy (sysexits.h EX_TEMPFAIL). */
  static final int BUSY = 75;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ClientOptions client;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "The image (one of):%n")
  Input input;

  /** Where the image comes from. */
  static final class Input {
    @Option(names = "--image", paramLabel = "FILE", description = "Image file (PNG, JPEG, BMP) of the network's input size.")
    Path image;

    @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder of the server's dataset (with --index).")
    Path data;
  }

  @Option(names = "--index", defaultValue = "0", description = "Test image index with --data (default: ${DEFAULT-VALUE}).")
  int index;

  @Option(names = "--prepared",
      description = "Run only the online phase, from a session 'pi prepare' stored for this server (used once, then deleted).")
  boolean prepared;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;

  @Option(names = "--warm-up",
      description = "Before connecting, run two untimed inferences of a small network (" + WarmUp.NETWORK + ", a whole one and a prepared one) in this"
          + " process, so that the online phase meets compiled code, as in a long-running client.")
  boolean warmUp;

  @Override
  public Integer call() {
    HostPort server = client.server();
    ClientSession session = client.session();
    if (warmUp) {
      PiReport.warmUp(spec.commandLine().getErr());
    }
    InferenceResult r;
    try (TcpChannel ch = TcpChannel.connect(server.host(), server.port(), client.channel())) {
      r = prepared ? session.runPrepared(ch, client.folder(), this::image) : session.run(ch, this::image);
    } catch (PeerBusyException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.getMessage());
      err.flush();
      return BUSY;
    } catch (ChannelException e) {
      throw new UserException(e.getMessage(), e);
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = Json.object();
      o.put("server", client.connect);
      o.put("prepared", prepared);
      PiReport.json(o, r);
      w.println(Json.write(o));
    } else {
      w.printf(Locale.ROOT, "class %d%n", r.predicted());
      StringBuilder sb = new StringBuilder("logits");
      for (double v : r.realLogits()) {
        sb.append(String.format(Locale.ROOT, " %.4f", v));
      }
      w.println(sb);
      w.print(PiReport.table(r));
      if (prepared) {
        w.printf(Locale.ROOT, "online from prepared material: %.3f s (the time the user waits)%n",
            r.total().onlineSeconds());
      }
    }
    w.flush();
    return ExitCodes.OK;
  }

  private double[] image(ServerInfo info) {
    if (input.data != null) {
      if (info.dataset() == null) {
        throw new UserInputException("the server's model names no dataset: use --image");
      }
      ImageDataset ds = Datasets.open(info.dataset(), input.data, Split.TEST);
      if (index < 0 || index >= ds.size()) {
        throw new UserInputException("--index " + index + " is outside the test set of "
            + ds.size() + " images");
      }
      return RunModel.image(ds, index, info.mean(), info.std());
    }
    return imageFile(info);
  }

  private double[] imageFile(ServerInfo info) {
    BufferedImage img;
    try {
      img = ImageIO.read(input.image.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + input.image + ": " + e.getMessage(), e);
    }
    if (img == null) {
      throw new UserInputException(input.image + " is not a readable image");
    }
    var in = info.graph().input();
    if (img.getWidth() != in.width() || img.getHeight() != in.height()) {
      throw new UserInputException(input.image + " is " + img.getWidth() + "x"
          + img.getHeight() + ", the network takes " + in.width() + "x" + in.height());
    }
    int hw = in.height() * in.width();
    double[] x = new double[in.channels() * hw];
    for (int i = 0; i < in.height(); i++) {
      for (int j = 0; j < in.width(); j++) {
        int rgb = img.getRGB(j, i);
        int[] ch = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        for (int c = 0; c < in.channels(); c++) {
          int v = in.channels() == 1 ? (ch[0] * 299 + ch[1] * 587 + ch[2] * 114) / 1000 : ch[c];
          double u = v / 255.0;
          x[c * hw + i * in.width() + j] = info.mean() == null ? u
              : (u - info.mean()[c]) / info.std()[c];
        }
      }
    }
    return x;
  }
}

package de.hzd.solrharness;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud for tests: ZooKeeper and two Solr nodes on 127.0.0.1 in this JVM, with the
 * configset uploaded. Driven by one command per line on stdin; answers one line on stdout:
 *
 * <pre>
 *   (start)                          READY &lt;baseUrl1&gt; &lt;baseUrl2&gt;
 *   create &lt;name&gt; [shards] [replicas]   OK   (waits until every replica is active)
 *   stop-node &lt;i&gt;                    OK   (i counts from 0)
 *   start-node &lt;i&gt;                   OK &lt;baseUrl&gt;
 *   quit                             BYE  (also on end of stdin: the parent went away)
 *   (any failure)                    ERR &lt;message&gt;
 * </pre>
 *
 * Arguments: &lt;configset dir&gt; &lt;configset name&gt; &lt;work dir&gt;. Logs go to stderr and to
 * &lt;work dir&gt;/solr.log (see log4j2.xml); stdout carries only the protocol.
 */
public final class SolrCloudHarness {
  private SolrCloudHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SolrCloudHarness <configset dir> <configset name> <work dir>");
      System.exit(2);
    }
    Path configDir = Paths.get(args[0]).toAbsolutePath();
    String configName = args[1];
    Path workDir = Paths.get(args[2]).toAbsolutePath();
    Files.createDirectories(workDir);

    // Solr's own stdout chatter must not mix with the protocol: keep the real stdout for us.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster.Builder(2, workDir.resolve("cluster"))
            .addConfig(configName, configDir)
            .build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    cluster.shutdown();
                  } catch (Exception ignored) {
                    // Already shut down by `quit`.
                  }
                }));
    out.println("READY " + String.join(" ", baseUrls(cluster)));

    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      if (words.length == 0 || words[0].isEmpty()) continue;
      try {
        switch (words[0]) {
          case "create" -> {
            String name = words[1];
            int shards = words.length > 2 ? Integer.parseInt(words[2]) : 2;
            int replicas = words.length > 3 ? Integer.parseInt(words[3]) : 2;
            CollectionAdminRequest.createCollection(name, configName, shards, replicas)
                .process(cluster.getSolrClient());
            cluster.waitForActiveCollection(name, shards, shards * replicas);
            out.println("OK");
          }
          case "stop-node" -> {
            cluster.stopJettySolrRunner(Integer.parseInt(words[1]));
            out.println("OK");
          }
          case "start-node" -> {
            JettySolrRunner jetty = cluster.getJettySolrRunner(Integer.parseInt(words[1]));
            cluster.startJettySolrRunner(jetty);
            cluster.waitForAllNodes(60);
            out.println("OK " + jetty.getBaseUrl());
          }
          case "quit" -> {
            cluster.shutdown();
            out.println("BYE");
            System.exit(0);
          }
          default -> out.println("ERR unknown command: " + words[0]);
        }
      } catch (Exception e) {
        out.println("ERR " + String.valueOf(e.getMessage()).replace('\n', ' '));
      }
    }
    cluster.shutdown();
    System.exit(0);
  }

  private static List<String> baseUrls(MiniSolrCloudCluster cluster) {
    List<String> urls = new ArrayList<>();
    for (JettySolrRunner jetty : cluster.getJettySolrRunners()) {
      urls.add(jetty.getBaseUrl().toString());
    }
    return urls;
  }
}

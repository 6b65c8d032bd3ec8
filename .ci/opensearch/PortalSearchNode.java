import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node for the search suite, bound to 127.0.0.1 only, with the nori Korean
 * and smartcn Chinese analyzers loaded. Started by `.ci/opensearch.sh start`; runs until the process is stopped.
 *
 * Arguments: base path (data and logs), HTTP port.
 */
public class PortalSearchNode {
    public static void main(String[] args) throws Exception {
        String basePath = args[0];
        int httpPort = Integer.parseInt(args[1]);
        OpenSearchRunner runner = new OpenSearchRunner();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                System.err.println("Could not close the OpenSearch node: " + e);
            }
        }));
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("transport.port", String.valueOf(httpPort + 100));
            settings.put("discovery.type", "single-node");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        }).build(newConfigs()
                .basePath(basePath)
                .numOfNode(1)
                .baseHttpPort(httpPort - 1)
                .clusterName("portal-search-ci")
                .pluginTypes("org.opensearch.plugin.analysis.nori.AnalysisNoriPlugin,"
                        + "org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin")
                .printOnFailure());
        runner.ensureYellow();
        System.out.println("PortalSearchNode ready on http://127.0.0.1:" + httpPort);
        while (!runner.isClosed()) {
            Thread.sleep(5000);
        }
    }
}

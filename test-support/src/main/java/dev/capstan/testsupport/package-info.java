/**
 * JUnit 5 extensions that hand integration tests ({@code *IT}) a real Kubernetes API server.
 *
 * <h2>Which annotation</h2>
 *
 * <ul>
 *   <li>{@link dev.capstan.testsupport.KubeApiServerTest @KubeApiServerTest}: etcd plus
 *       kube-apiserver. Server-side apply, managed fields, dry-run, 409 conflicts, 422 validation,
 *       discovery, watches, CRDs. Nothing reconciles: Deployments never get Pods, deleted
 *       namespaces stay Terminating.
 *   <li>{@link dev.capstan.testsupport.LocalClusterTest @LocalClusterTest}: the same plus
 *       kube-controller-manager, kube-scheduler and KWOK with 3 simulated nodes. Deployments roll
 *       out, Pods become Running/Ready (no container runs: images are never pulled, probes never
 *       execute), garbage collection and namespace deletion work.
 *   <li>{@link dev.capstan.testsupport.KubeApiServers KubeApiServers} (a {@code @RegisterExtension}
 *       field, not an annotation): several API servers of the class's own, for one agent and many
 *       clusters; one can be paused (stops answering) and resumed.
 * </ul>
 *
 * <h2>Sharing and isolation</h2>
 *
 * One server (or cluster) per test JVM, started by the first class that needs it and stopped when
 * the test run ends (and on JVM exit), because starting one costs seconds. Every test class gets its
 * own fresh namespace, {@code it-<classname>-<random>}, as the injected client's default namespace;
 * write namespaced objects there and never assume the cluster is empty. Cluster-scoped objects
 * (CRDs, ClusterRoles, Nodes) are shared by all classes: give them names unique to the class. More
 * namespaces: {@link dev.capstan.testsupport.KubeEnv#newNamespace(String)}. Test methods of one
 * class share its namespace.
 *
 * <h2>What is injected</h2>
 *
 * Non-final fields (static or instance, any visibility, left alone if already set) and test or
 * lifecycle method parameters of type:
 *
 * <ul>
 *   <li>{@code io.fabric8.kubernetes.client.KubernetesClient}: cluster-admin, default namespace =
 *       the class's namespace; shared by the class, do not close it;
 *   <li>{@link dev.capstan.testsupport.KubeEnv}: {@code client()}, {@code namespace()}, {@code
 *       kubeconfig()} (a self-contained kubeconfig file for kubectl, the CLI or the agent), {@code
 *       serverUrl()} ({@code https://127.0.0.1:<port>}), {@code kubectl()} (same version as the
 *       server), {@code server().newClient(ns)} for a second client the test closes itself.
 * </ul>
 *
 * <pre>{@code
 * @KubeApiServerTest
 * class ApplierIT {
 *   KubernetesClient client;   // injected
 *   KubeEnv env;               // injected
 *
 *   @Test
 *   void appliesAConfigMap() {
 *     client.configMaps().resource(new ConfigMapBuilder()
 *             .withNewMetadata().withName("web").endMetadata().addToData("a", "1").build())
 *         .fieldManager("capstan").serverSideApply();
 *     assertThat(client.configMaps().inNamespace(env.namespace()).withName("web").get()).isNotNull();
 *   }
 * }
 * }</pre>
 *
 * <h2>Prerequisites</h2>
 *
 * The binaries built by {@code tools/kube-binaries.sh} (the README's test command runs it first).
 * Without them the first test fails at once with a message naming that command. A module using
 * this one adds {@code dev.capstan:test-support} with {@code <scope>test</scope>} and names its
 * tests {@code *IT} so failsafe runs them.
 */
package dev.capstan.testsupport;

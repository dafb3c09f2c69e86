package dev.capstan.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a full local cluster: kube-apiserver, etcd, kube-controller-manager,
 * kube-scheduler and KWOK with {@value LocalClusterExtension#NODES} simulated nodes, so Deployments
 * roll out and Pods become Running/Ready (no container runs). One cluster per test JVM, shared by
 * every class; each class gets a fresh namespace. Costs a few seconds more than {@link
 * KubeApiServerTest} to start: use it only for rollouts, health and waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalClusterExtension.class)
public @interface LocalClusterTest {}

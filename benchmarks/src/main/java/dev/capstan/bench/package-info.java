/**
 * Benchmarks behind docs/performance.md ("Chart rendering"): JMH for warm in-process render
 * throughput, and the chart generators used by {@code benchmarks/compare-helm.sh} to time
 * {@code bin/capstan render} against {@code helm template} as whole processes.
 */
package dev.capstan.bench;

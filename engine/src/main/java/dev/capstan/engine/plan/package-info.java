/**
 * Turning a {@link dev.capstan.engine.resource.DesiredState} into a validated
 * {@link dev.capstan.engine.plan.Plan} before anything is written: kinds resolved through discovery
 * (or a CRD in the same release), namespaces defaulted, waves and hooks parsed, Capstan's ownership
 * label and release annotation added, objects sorted into stages (CRDs and Namespaces, then one
 * stage per sync wave in kind order). The differ and the applier both work from a plan, so what
 * {@code diff} shows is what {@code apply} sends.
 */
package dev.capstan.engine.plan;

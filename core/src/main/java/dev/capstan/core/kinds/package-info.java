/** Facts about Kubernetes kinds that rendering and applying must agree on. */
package dev.capstan.core.kinds;

/**
 * Deleting what a release no longer renders, after the new revision succeeded, in reverse kind
 * order. {@code capstan.dev/prune: disabled} keeps an object; objects that belong to another release
 * are never touched.
 */
package dev.capstan.engine.prune;

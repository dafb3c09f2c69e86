/**
 * The {@code Application} resource (group {@code capstan.dev}, version {@code v1alpha1}): what should
 * run, from which Git source, into which namespace, and how the agent keeps it in sync. The types are
 * plain Jackson-bound records; the CustomResourceDefinition shipped in {@code charts/capstan/crds/} is
 * generated from them with fabric8's CRD generator (see {@code ApplicationCrdTest}).
 */
package dev.capstan.agent.application;

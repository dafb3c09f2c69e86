package dev.capstan.agent;

import dev.capstan.core.CapstanException;

/** A request named an application the agent does not know. */
public class UnknownApplicationException extends CapstanException {
  public UnknownApplicationException(String name) {
    super("Application/" + name, "no such application");
  }
}

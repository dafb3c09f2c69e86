package dev.capstan.chart.template;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the few Java methods a template may call (e.g. {@code files.get}); all others are denied. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface TemplateCallable {}

package dev.capstan.chart.gotemplate;

import java.util.List;

/**
 * The body of a template function. It receives the arguments already checked and converted
 * against its {@link GoFunc} signature, in the value model of this package, and returns a value of
 * that model ({@code null} for nil). A Go function's non-nil {@code error} result, and a Go panic,
 * are a thrown {@link GoFuncException}: the executor reports it as Go does,
 * {@code error calling NAME: MESSAGE}, at the place of the call.
 */
@FunctionalInterface
public interface GoFunction {
  Object call(List<Object> args);
}

package dev.capstan.chart.gotemplate;

/**
 * Go's {@code complex128}, which only a template constant can make ({@code {{ 1i }}},
 * {@code {{ 1+2i }}}): it prints, compares with {@code eq} and is true when non-zero, as in Go.
 */
public record GoComplex(double re, double im) {}

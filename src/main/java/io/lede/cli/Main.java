package io.lede.cli;
public class Main { public static void main(String[] a) {} }

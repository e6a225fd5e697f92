package io.lede.cli;

import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import io.lede.item.ItemProblem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede rebuild}: index every news file into a new generation and publish it. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = "Rebuild the index from the news item files into a new generation and publish it.")
final class RebuildCommand implements Callable<Integer> {

  @Option(names = "--seeds", paramLabel = "DIR", description = "Folder of news item files (default: seeds/).")
  private Path seeds;

  @Mixin private IndexOption index;

  @Option(names = "--strict", description = "Fail (exit 1) when any file has a problem.")
  private boolean strict;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems and the summary line.")
  private boolean quiet;

  @Override
  public Integer call() {
    Path seedsDir = seeds != null ? seeds : Paths.defaultDir("seeds");
    IndexHome home = new IndexHome(index.indexHome());
    try {
      Rebuilder.Result result = new Rebuilder(new IndexBuilder()).rebuild(seedsDir, home, IndexBuilder.Listener.NONE);
      for (ItemProblem p : result.report().problems()) System.err.println("problem: " + p);
      if (!quiet) System.out.println("published generation " + result.generation() + " in " + home.root());
      System.out.println("rebuild " + result.report().summary());
      if (strict && !result.report().problems().isEmpty()) {
        System.err.println("error: --strict and " + result.report().problems().size() + " problem(s) were found");
        return 1;
      }
      return 0;
    } catch (Exception e) {
      System.err.println("error: rebuild failed, the live index is unchanged: " + e.getMessage());
      return 1;
    }
  }
}

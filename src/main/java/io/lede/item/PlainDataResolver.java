package io.lede.item;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves only null implicitly. Lede reads every scalar as text and converts it to the type its field
 * needs, so YAML 1.1's regex-based guessing of ints, floats, booleans and timestamps for every plain
 * scalar is wasted work (and a source of surprises such as "no" turning into false).
 */
final class PlainDataResolver extends Resolver {
  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.NULL, NULL, "~nN\0");
    addImplicitResolver(Tag.NULL, EMPTY, null);
  }
}

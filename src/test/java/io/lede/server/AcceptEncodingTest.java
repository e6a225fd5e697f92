package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL | false",
      "'' | false",
      "gzip | true",
      "GZIP | true",
      "gzip, deflate, br | true",
      "br, gzip;q=0.5 | true",
      "gzip;q=0 | false",
      "gzip; q=0.0 | false",
      "deflate, br | false",
      "* | true",
      "*;q=0 | false",
      "*, gzip;q=0 | false",
      "gzip;q=0, * | false",
      "identity | false",
      "x-gzip | true",
      "gzip;q=nonsense | false"})
  void gzipIsAllowedOnlyWhenNamedOrWildcardedWithAWeight(String header, boolean expected) {
    assertEquals(expected, AcceptEncoding.allowsGzip(header), header);
  }
}

package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lede.Lede;
import io.lede.index.IndexHome;
import io.lede.index.Rollback;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients query without pause while the index is replaced three times and then rolled back once: every
 * request must succeed, and the answers must move to each live generation's content without a restart.
 */
class HotSwapTest {

  private static final int CLIENTS = 4;
  private static final List<String> BUILDS = List.of("alpha", "bravo", "charlie", "delta");
  private static final Duration SWITCH_WITHIN = Duration.ofSeconds(20);

  @Test
  void answersSwitchToEachNewGenerationWithZeroFailedRequests(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("index");
    // Different content per build: marker words and a different number of stories.
    Fixtures.publish(Fixtures.items(tmp.resolve(BUILDS.get(0)), BUILDS.get(0), 3), home);
    ObjectMapper json = new ObjectMapper();
    try (Lede lede = Lede.open(home); TestServer server = new TestServer(SearchService.of(lede), TestServer.config())) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong ok = new AtomicLong();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      Set<String> seenMarkers = ConcurrentHashMap.newKeySet();
      AtomicReference<String> latestMarker = new AtomicReference<>();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest search = HttpRequest.newBuilder(server.uri("/api/search?q=marker&size=20"))
          .timeout(Duration.ofSeconds(10)).build();

      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(Thread.ofPlatform().name("client-" + i).start(() -> {
          while (running.get()) {
            try {
              HttpResponse<String> r = client.send(search, HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200) {
                failures.add(r.statusCode() + " " + r.body());
                continue;
              }
              JsonNode hits = json.readTree(r.body()).get("hits");
              String marker = hits.isEmpty() ? "" : hits.get(0).get("title").asText().split(" ")[1];
              // One answer must come from one build: never a mix of two generations' stories.
              for (JsonNode h : hits) {
                if (!h.get("title").asText().split(" ")[1].equals(marker)) failures.add("mixed answer: " + r.body());
              }
              seenMarkers.add(marker);
              latestMarker.set(marker);
              ok.incrementAndGet();
            } catch (Exception e) {
              failures.add(e.toString());
            }
          }
        }));
      }
      try {
        awaitMarker(latestMarker, BUILDS.get(0));
        for (int round = 1; round < BUILDS.size(); round++) {
          String marker = BUILDS.get(round);
          Fixtures.publish(Fixtures.items(tmp.resolve(marker), marker, 3 + round), home);
          awaitMarker(latestMarker, marker);
          long before = ok.get();
          while (ok.get() < before + 20 && failures.isEmpty()) Thread.sleep(5); // keep querying the new build
        }
        // The operator rolls the last build back: the server follows the pointer to the previous one.
        Rollback.Result back = Rollback.run(new IndexHome(home), Optional.empty());
        assertEquals("000003", back.to());
        awaitMarker(latestMarker, BUILDS.get(BUILDS.size() - 2));
        long before = ok.get();
        while (ok.get() < before + 20 && failures.isEmpty()) Thread.sleep(5);
      } finally {
        running.set(false);
        for (Thread t : clients) t.join(10_000);
      }
      assertEquals(List.of(), List.copyOf(failures), "failed requests during the swaps");
      assertEquals(Set.copyOf(BUILDS), Set.copyOf(seenMarkers), "answers came from every build");
      assertTrue(ok.get() > 100, "clients kept querying: " + ok.get());
      assertEquals(BUILDS.size() - 1, Integer.parseInt(lede.generation()), "the rolled-back-to generation is live");
      JsonNode last = server.get("/api/search?q=marker&size=20").json();
      assertEquals(3 + BUILDS.size() - 2, last.get("total").asLong(), "the live build's story count");
    }
  }

  private static void awaitMarker(AtomicReference<String> latest, String marker) throws InterruptedException {
    long deadline = System.nanoTime() + SWITCH_WITHIN.toNanos();
    while (!marker.equals(latest.get())) {
      if (System.nanoTime() > deadline) throw new AssertionError("answers never switched to build '" + marker + "'");
      Thread.sleep(10);
    }
  }
}

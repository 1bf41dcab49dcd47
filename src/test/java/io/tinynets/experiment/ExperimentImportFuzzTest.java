package io.tinynets.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static io.tinynets.experiment.ExperimentFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of broken export files made from a valid one (truncated, bytes flipped, fields removed or given values of
 * the wrong type or size): the service must answer every one without throwing, and a refused file saves nothing.
 */
@SpringBootTest
class ExperimentImportFuzzTest {

    private static final int CASES = 600;
    private static final String NOISE = "{}[]\",:0-eE.n\\ \u0000x";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Autowired
    ExperimentService service;
    @Autowired
    JdbcTemplate jdbc;

    private final String user = "fuzz-" + System.nanoTime();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(jdbc, user);
        TestAccounts.ensure(jdbc, user + "-source");
    }

    @Test
    void malformedFilesNeverThrowAndNeverSavePartOfAFile() throws Exception {
        String owner = user + "-source";
        byte[] valid = service.exportJson(owner, List.of(service.save(owner, draft("playground", "a")),
                service.save(owner, draft("descent", "b", 0.5, 9))));
        Random random = new Random(20261127);
        int refused = 0;
        int saved = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] file = mutate(valid, random);
            long before = count();
            ImportResult result = service.importFile(user, file); // must not throw
            if (result.ok()) {
                saved++;
                assertThat(count()).as("case %d saved what it reported", i).isEqualTo(before + result.savedIds().size());
                result.savedIds().forEach(id -> assertThat(service.get(user, id).owner()).isEqualTo(user));
            } else {
                refused++;
                assertThat(count()).as("case %d refused (%s) but saved something", i, result.problem().getMessage())
                        .isEqualTo(before);
                assertThat(result.problem().messageKey()).startsWith("experiments.");
                assertThat(result.problem().getMessage()).doesNotStartWith("experiments.");
            }
        }
        assertThat(refused).as("most mutations must be refused").isGreaterThan(CASES / 2);
        assertThat(refused + saved).isEqualTo(CASES);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE owner = ?", Long.class, user);
    }

    private byte[] mutate(byte[] valid, Random random) throws Exception {
        switch (random.nextInt(6)) {
            case 0 -> {
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            case 1 -> {
                byte[] copy = valid.clone();
                for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
                    copy[random.nextInt(copy.length)] = (byte) NOISE.charAt(random.nextInt(NOISE.length()));
                }
                return copy;
            }
            case 2 -> {
                return editTree(valid, random, this::removeSomething);
            }
            default -> {
                return editTree(valid, random, root -> replaceSomething(root, random));
            }
        }
    }

    private byte[] editTree(byte[] valid, Random random, Consumer<JsonNode> edit) throws Exception {
        JsonNode root = mapper.readTree(valid);
        this.random = random;
        edit.accept(root);
        return mapper.writeValueAsBytes(root);
    }

    private Random random;

    private void removeSomething(JsonNode root) {
        List<JsonNode> containers = containers(root);
        JsonNode c = containers.get(random.nextInt(containers.size()));
        if (c instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.remove(names.get(random.nextInt(names.size())));
        } else if (c instanceof ArrayNode a && !a.isEmpty()) {
            a.remove(random.nextInt(a.size()));
        }
    }

    private void replaceSomething(JsonNode root, Random random) {
        List<JsonNode> containers = containers(root);
        JsonNode c = containers.get(random.nextInt(containers.size()));
        JsonNode value = strangeValue(random);
        if (c instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.set(names.get(random.nextInt(names.size())), value);
        } else if (c instanceof ArrayNode a && !a.isEmpty()) {
            a.set(random.nextInt(a.size()), value);
        }
    }

    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    private static JsonNode strangeValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(true);
            case 2 -> NODES.textNode("");
            case 3 -> NODES.textNode("<script>alert(1)</script>");
            case 4 -> NODES.numberNode(-1);
            case 5 -> NODES.numberNode(0);
            case 6 -> NODES.numberNode(Double.MAX_VALUE);
            case 7 -> NODES.numberNode(new BigInteger("123456789012345678901234567890"));
            case 8 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 9 -> NODES.numberNode(2.5);
            case 10 -> NODES.arrayNode();
            case 11 -> NODES.objectNode();
            case 12 -> NODES.textNode("x".repeat(5_000));
            case 13 -> {
                ArrayNode deep = NODES.arrayNode();
                ArrayNode cur = deep;
                for (int i = 0; i < 200; i++) {
                    cur = cur.addArray();
                }
                yield deep;
            }
            case 14 -> {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 3_000; i++) {
                    many.add(i);
                }
                yield many;
            }
            default -> NODES.textNode("%!§\u0000\n,");
        };
    }

    @Test
    void aFileOfOnlyNoiseIsMalformedJson() {
        ImportResult r = service.importFile(user, "\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(r.problem().messageKey()).isEqualTo("experiments.import.malformed");
        assertThat(service.importFile(user, new byte[0]).problem().messageKey())
                .isEqualTo("experiments.import.notAnExport");
    }
}

package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saved weights read in pieces give {@code readTree}'s tree, node for node, and refuse what it refuses. */
class JsonTreeInPiecesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INVALID = "saved weights are not valid JSON";

    /** Every piece, with the tokens each read. */
    private record Read(JsonNode tree, List<Integer> pieces) {
    }

    private static Read inPieces(String json) {
        JsonTreeInPieces reading = new JsonTreeInPieces(MAPPER, json, INVALID);
        List<Integer> pieces = new ArrayList<>();
        boolean done;
        do {
            done = reading.step();
            pieces.add(reading.lastPieceTokens());
        } while (!done);
        return new Read(reading.result(), pieces);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\":1,\"params\":{\"a\":{\"rows\":1,\"cols\":2,\"data\":[0.5,-1.25e-3]}},\"epochs\":3}",
            // ints by size: int, long, big integer; fractions and exponents as doubles; -0.0 kept
            "[0, -7, 2147483647, 2147483648, -9223372036854775808, 9223372036854775808, 1e400, -0.0, 1.0, 5E-324]",
            // the last of duplicate keys, in the first one's place; nested and empty containers
            "{\"a\":1,\"b\":{\"c\":[]},\"a\":{\"x\":[[],{}]},\"\":null}",
            "\"just a string \\u00e9\\n\"", "42", "true", "null", "[]", "{}",
            // nothing after the first value is read, as readTree does by default
            "{\"version\":1} trailing", "[1] ]",
            "", "   "})
    void givesTheTreeReadTreeGives(String json) throws Exception {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode tree = inPieces(json).tree();
        assertThat(tree).isEqualTo(expected);
        assertThat(tree.getClass()).isEqualTo(expected.getClass());
        if (tree.isContainerNode()) {
            assertThat(MAPPER.writeValueAsString(tree)).isEqualTo(MAPPER.writeValueAsString(expected));
        }
    }

    @Test
    void aNullTextIsANullTree() {
        assertThat(inPieces(null).tree()).isNull();
    }

    /** 300 000 numbers of every kind: several pieces, none over the bound, and readTree's tree in the end. */
    @Test
    void aLargeTextIsReadInPiecesOfBoundedTokens() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder json = new StringBuilder("{\"version\":1,\"params\":{");
        for (int p = 0; p < 3; p++) {
            json.append(p == 0 ? "" : ",").append("\"p").append(p).append("\":{\"data\":[");
            for (int i = 0; i < 100_000; i++) {
                json.append(i == 0 ? "" : ",");
                switch (i % 4) {
                    case 0 -> json.append(random.nextDouble() - 0.5);
                    case 1 -> json.append(random.nextInt());
                    case 2 -> json.append(random.nextLong());
                    default -> json.append(Double.toString(random.nextGaussian() * 1e-300));
                }
            }
            json.append("]}");
        }
        json.append("}}");

        Read read = inPieces(json.toString());

        assertThat(read.tree()).isEqualTo(MAPPER.readTree(json.toString()));
        assertThat(read.pieces()).hasSizeGreaterThanOrEqualTo(300_000 / JsonTreeInPieces.TOKENS_PER_PIECE);
        assertThat(read.pieces()).allSatisfy(tokens ->
                assertThat(tokens).isBetween(1, JsonTreeInPieces.TOKENS_PER_PIECE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":[1,2", "{\"a\":1,}", "[1,,2]", "{\"a\" 1}", "[NaN]", "[01]", "{'a':1}",
            "[\"unterminated]", "{\"a\":tru}"})
    void refusesWhatReadTreeRefusesWithTheGivenMessage(String json) {
        assertThatThrownBy(() -> MAPPER.readTree(json)).isInstanceOf(
                com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> inPieces(json)).isInstanceOf(IllegalArgumentException.class).hasMessage(INVALID);
    }

    /** The parser's own limits hold: nesting deeper than 1000, a number of more than 1000 digits. */
    @Test
    void refusesWhatTheParsersLimitsRefuse() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        String longNumber = "[" + "1".repeat(1500) + "]";
        for (String json : List.of(deep, longNumber)) {
            assertThatThrownBy(() -> MAPPER.readTree(json)).isInstanceOf(
                    com.fasterxml.jackson.core.JsonProcessingException.class);
            assertThatThrownBy(() -> inPieces(json)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(INVALID);
        }
    }
}

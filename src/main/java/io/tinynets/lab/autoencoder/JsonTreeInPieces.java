package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JSON text read into a tree at most {@link #TOKENS_PER_PIECE} tokens at a time ({@link #step()}): the saved weights
 * of the largest autoencoder are about 1.5 MB and 70 000 numbers, which {@code readTree} parses in one go of about
 * 15 ms (three training slices, about 200 ns a number); a piece of this is about one millisecond.
 *
 * <p>The tree is the one {@link ObjectMapper#readTree(String)} of the same mapper gives, so the checks made on it
 * afterwards are unchanged: the same parser (and its limits on number length and nesting), the same node for each
 * value (an int, long or big integer node by the integer's size, a double node for any fraction or exponent), the last
 * of duplicate keys, nothing read after the first value, a missing node for an empty text. Malformed text is refused
 * with the one message the caller gives, as a {@code readTree} failure was.
 */
final class JsonTreeInPieces {

    /** Most tokens (numbers, strings, names, brackets) one {@link #step()} reads: about a millisecond. */
    static final int TOKENS_PER_PIECE = 5_000;

    private final JsonParser parser;
    private final String invalid;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    /** The objects and arrays open at the parser's position, innermost first. */
    private final Deque<ContainerNode<?>> open = new ArrayDeque<>();
    /** The name of the next value in the innermost object. */
    private String name;
    private JsonNode root;
    private boolean done;
    private int lastPieceTokens;

    /**
     * @param json    the text; null reads as a null tree, as the callers of {@code readTree} treated it
     * @param invalid the message of the {@link IllegalArgumentException} malformed text is refused with
     */
    JsonTreeInPieces(ObjectMapper mapper, String json, String invalid) {
        this.invalid = invalid;
        if (json == null) {
            this.parser = null;
            this.done = true;
            return;
        }
        try {
            this.parser = mapper.createParser(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(invalid);
        }
    }

    /**
     * Reads at most {@link #TOKENS_PER_PIECE} more tokens; true once the first value of the text is whole (then
     * {@link #result()} holds it).
     *
     * @throws IllegalArgumentException with the given message if the text is not valid JSON
     */
    boolean step() {
        int tokens = 0;
        try {
            while (!done && tokens < TOKENS_PER_PIECE) {
                JsonToken token = parser.nextToken();
                tokens++;
                if (token == null) {
                    if (!open.isEmpty()) {
                        throw new IllegalArgumentException(invalid); // the parser reports this itself; never trusted
                    }
                    finish(MissingNode.getInstance()); // an empty text
                } else {
                    read(token);
                }
            }
        } catch (IOException e) { // JsonProcessingException, and a limit of the parser's exceeded
            close();
            throw new IllegalArgumentException(invalid);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        lastPieceTokens = tokens;
        return done;
    }

    private void read(JsonToken token) throws IOException {
        switch (token) {
            case FIELD_NAME -> name = parser.currentName();
            case START_OBJECT -> start(nodes.objectNode());
            case START_ARRAY -> start(nodes.arrayNode());
            case END_OBJECT, END_ARRAY -> {
                ContainerNode<?> whole = open.pop();
                if (open.isEmpty()) {
                    finish(whole);
                }
            }
            default -> {
                JsonNode value = scalar(token);
                if (open.isEmpty()) {
                    finish(value);
                } else {
                    add(value);
                }
            }
        }
    }

    private void start(ContainerNode<?> container) {
        if (!open.isEmpty()) {
            add(container); // filled in by the tokens that follow: the same place in its parent either way
        }
        open.push(container);
    }

    private void add(JsonNode value) {
        ContainerNode<?> parent = open.peek();
        if (parent instanceof ObjectNode object) {
            object.replace(name, value); // the last of duplicate keys wins, in the first one's place
        } else {
            ((ArrayNode) parent).add(value);
        }
    }

    /** The node {@code readTree} makes of a scalar (Jackson's {@code JsonNodeDeserializer} with default features). */
    private JsonNode scalar(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IllegalArgumentException(invalid); // no other token in JSON text
        };
    }

    private void finish(JsonNode value) {
        root = value;
        done = true;
        close();
    }

    private void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // a parser over a string holds nothing to release
        }
    }

    /** The tree, once {@link #step()} has returned true; null for a null text. */
    JsonNode result() {
        if (!done) {
            throw new IllegalStateException("the JSON is not read yet");
        }
        return root;
    }

    /** Tokens the last {@link #step()} read, for tests. */
    int lastPieceTokens() {
        return lastPieceTokens;
    }
}

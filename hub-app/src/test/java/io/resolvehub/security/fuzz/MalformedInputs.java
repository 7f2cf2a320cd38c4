package io.resolvehub.security.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed variants of a platform's real payloads, drawn from a seeded {@link Random} so a failure replays: truncated,
 * bit-flipped and wrongly encoded bytes; JSON whose values have the wrong type, are huge, deeply nested, hold control
 * characters or lone surrogates; members removed, duplicated, or followed by garbage; form bodies with the same
 * mutations in their fields. Each variant starts from one of the seeds, so most stay close enough to the real thing
 * to get past the first checks.
 *
 * <p>The same generator as connector-core's test {@code MalformedInputs} (the platform fuzz tests'), copied: that
 * module's test jar carries its logback-test.xml, which on hub-app's test class path replaces the hub's own logging
 * (no log file in the data dir, so the tests that read it fail). Keep the two in step.
 */
final class MalformedInputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final List<String> seeds;

    MalformedInputs(long seed, List<String> seeds) {
        this.random = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    Random random() {
        return random;
    }

    /** The next malformed body. */
    byte[] next() {
        String seed = seeds.get(random.nextInt(seeds.size()));
        boolean json = seed.stripLeading().startsWith("{") || seed.stripLeading().startsWith("[");
        int kind = random.nextInt(10);
        if (kind < 2) {
            return bytes(seed.getBytes(StandardCharsets.UTF_8));
        }
        if (kind < 3) {
            return text(seed).getBytes(StandardCharsets.UTF_8);
        }
        return (json ? json(seed) : form(seed)).getBytes(StandardCharsets.UTF_8);
    }

    /** Byte-level damage: truncation, flipped bits, invalid UTF-8, random bytes. */
    private byte[] bytes(byte[] body) {
        return switch (random.nextInt(5)) {
            case 0 -> java.util.Arrays.copyOf(body, random.nextInt(body.length + 1));
            case 1 -> {
                byte[] flipped = body.clone();
                for (int i = 0, n = 1 + random.nextInt(8); i < n && flipped.length > 0; i++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield flipped;
            }
            case 2 -> {
                byte[] invalid = body.clone();
                byte[] bad = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0xed, (byte) 0xa0, (byte) 0x80, 0};
                for (int i = 0, n = 1 + random.nextInt(4); i < n && invalid.length > 0; i++) {
                    invalid[random.nextInt(invalid.length)] = bad[random.nextInt(bad.length)];
                }
                yield invalid;
            }
            case 3 -> {
                byte[] noise = new byte[random.nextInt(2048)];
                random.nextBytes(noise);
                yield noise;
            }
            default -> new byte[0];
        };
    }

    /** Whole-text damage that keeps the bytes valid UTF-8. */
    private String text(String body) {
        return switch (random.nextInt(5)) {
            case 0 -> body + garbage();
            case 1 -> garbage() + body;
            case 2 -> body.replace("\"", random.nextBoolean() ? "'" : "");
            case 3 -> "[".repeat(1 + random.nextInt(100_000));
            default -> body.substring(0, random.nextInt(body.length() + 1)) + body;
        };
    }

    private String json(String seed) {
        JsonNode tree;
        try {
            tree = JSON.readTree(seed);
        } catch (RuntimeException e) {
            return seed;
        }
        List<ObjectNode> objects = new ArrayList<>();
        collect(tree, objects);
        if (objects.isEmpty() || random.nextInt(12) == 0) {
            return JSON.writeValueAsString(value(0));
        }
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>(target.propertyNames());
            String name = names.isEmpty() || random.nextInt(6) == 0 ? "x" + random.nextInt(5) : names.get(random.nextInt(names.size()));
            if (random.nextInt(8) == 0) {
                target.remove(name);
            } else {
                target.set(name, value(0));
            }
        }
        String written = JSON.writeValueAsString(tree);
        return switch (random.nextInt(8)) {
            case 0 -> written + garbage();
            case 1 -> written.replaceFirst("\\{", "{\"type\":1,");
            default -> written;
        };
    }

    private String form(String seed) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : seed.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        List<String> names = new ArrayList<>(fields.keySet());
        for (int i = 0, n = 1 + random.nextInt(3); i < n && !names.isEmpty(); i++) {
            String name = names.get(random.nextInt(names.size()));
            String current = fields.get(name);
            String mutated = current.startsWith("{") && random.nextBoolean() ? json(current)
                    : random.nextInt(5) == 0 ? null : JSON.writeValueAsString(value(0)).replace("\"", "");
            if (mutated == null) {
                fields.remove(name);
                names.remove(name);
            } else {
                fields.put(name, mutated);
            }
        }
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(random.nextInt(20) == 0 ? v : URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return random.nextInt(15) == 0 ? out + "&%zz=%" : out.toString();
    }

    /** A value of a random type and shape. */
    private JsonNode value(int depth) {
        return switch (random.nextInt(depth > 3 ? 9 : 12)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.numberNode(random.nextBoolean() ? 1e308 : -0.0);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.stringNode("");
            case 5 -> NODES.stringNode("x".repeat(1 + random.nextInt(depth == 0 && random.nextInt(10) == 0 ? 300_000 : 300)));
            case 6 -> NODES.stringNode("a\u0000b\u0007c\u001b[31m\ud800\udfff\uFFFF" + (char) random.nextInt(0x20));
            case 7 -> NODES.stringNode(String.valueOf((char) (0xd800 + random.nextInt(0x800))));
            case 8 -> NODES.stringNode("<@U0HUBBOT> " + "&lt;" + "\u202e" + "\r\n" + random.nextLong());
            case 9 -> nested(1 + random.nextInt(400)); // Jackson writes at most 500 levels; text() goes deeper
            case 10 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(5); i < n; i++) array.add(value(depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                // many members only at the top, and then scalars: the body stays within a few megabytes
                boolean wide = depth == 0 && random.nextInt(20) == 0;
                for (int i = 0, n = random.nextInt(wide ? 2_000 : 5); i < n; i++) {
                    object.set("k" + i, value(wide ? 4 : depth + 1));
                }
                yield object;
            }
        };
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private String garbage() {
        String[] tails = {"}", "]]", "garbage", "\u0000", ",", "{\"a\":", "\ud800", "\n\n{}"};
        return tails[random.nextInt(tails.length)];
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (JsonNode child : node) {
            collect(child, objects);
        }
    }
}

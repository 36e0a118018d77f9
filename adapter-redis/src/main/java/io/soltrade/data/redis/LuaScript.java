package io.soltrade.data.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A Lua script kept in a resource file and called by its SHA-1 ({@code EVALSHA}), so each call sends a 40-byte
 * digest instead of the script. The digest is computed here; the script is loaded ({@code SCRIPT LOAD}) the
 * first time the server answers {@code NOSCRIPT}: on first use, and again after a restart or a
 * {@code SCRIPT FLUSH} emptied the server's script cache.
 */
final class LuaScript {
    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** The script in resource {@code io/soltrade/data/redis/<name>}. */
    static LuaScript fromResource(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("lua script resource " + name + " is missing");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lua script " + name, e);
        }
    }

    String name() {
        return name;
    }

    String sha() {
        return sha;
    }

    /** Runs the script; loads it first if the server does not have it. */
    Object run(UnifiedJedis client, List<String> keys, List<String> args) {
        try {
            return client.evalsha(sha, keys, args);
        } catch (JedisDataException e) {
            if (!RedisErrors.isNoScript(e)) {
                throw e;
            }
            load(client, keys);
            return client.evalsha(sha, keys, args);
        }
    }

    /** Queues a call on a pipeline; a {@code NOSCRIPT} reply shows up in the response (see {@link #isNoScript}). */
    Response<Object> queue(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    void load(UnifiedJedis client, List<String> keys) {
        if (keys.isEmpty()) {
            client.scriptLoad(source);
        } else {
            client.scriptLoad(source, keys.get(0));
        }
    }

    static boolean isNoScript(Response<?> response) {
        try {
            response.get();
            return false;
        } catch (JedisDataException e) {
            return RedisErrors.isNoScript(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}

package org.ccnsobot.features.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.kernel.FormDrafts;
import org.ccnsobot.kernel.FormSpec;
import org.ccnsobot.store.Database;

/** Refused forms' values in the {@code form_drafts} table; each write is one transaction, all SQL parameterised. */
public final class SqliteFormDrafts implements FormDrafts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final Database db;

    public SqliteFormDrafts(Database db) {
        this.db = db;
    }

    @Override
    public String save(String platform, String userId, String command, FormSpec.Filled filled, Instant now) {
        String values = json(filled.values());
        String fixed = json(filled.fixed());
        long id = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM form_drafts WHERE created_at < ?")) {
                ps.setLong(1, now.minus(KEEP).toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO form_drafts(platform, user_id, command,"
                    + " values_json, fixed_json, created_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                ps.setString(3, command);
                ps.setString(4, values);
                ps.setString(5, fixed);
                ps.setLong(6, now.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return Long.toString(id);
    }

    @Override
    public Optional<FormSpec.Filled> load(String platform, String userId, String command, String id, Instant now) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT values_json, fixed_json FROM form_drafts WHERE id = ?"
                    + " AND platform = ? AND user_id = ? AND command = ? AND created_at >= ?")) {
                ps.setLong(1, Long.parseLong(id));
                ps.setString(2, platform);
                ps.setString(3, userId);
                ps.setString(4, command);
                ps.setLong(5, now.minus(KEEP).toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new FormSpec.Filled(map(rs.getString(1)), map(rs.getString(2))))
                            : Optional.<FormSpec.Filled>empty();
                }
            }
        });
    }

    private static String json(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes as JSON", e);
        }
    }

    private static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form_drafts holds a row that is not a JSON object: " + e.getMessage(), e);
        }
    }
}

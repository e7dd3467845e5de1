-- The language each member chose with `language fr|es|en` (a bundle code), beside their zone; null while they have
-- chosen none (the platform's locale, then the config's language, decide). The change_log triggers on user_prefs
-- already carry every write to other processes' caches.
ALTER TABLE user_prefs ADD COLUMN language TEXT;

-- Translations of calendar texts from the calendar files (`name: {en: …, fr: …, es: …}`): JSON objects of language
-- code to text, without English (which stays in name, description and title, read by everything that asks for no
-- language: exports, feeds, imports); NULL when the file gives none. Imported events never have titles: their title
-- stays as imported. The change_log triggers on committees and events already carry these columns' writes.
ALTER TABLE committees ADD COLUMN names TEXT;
ALTER TABLE committees ADD COLUMN descriptions TEXT;
ALTER TABLE events ADD COLUMN titles TEXT;

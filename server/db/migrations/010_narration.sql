-- The guide's narration timing (NarrationTrack: spoken frames per scene, sentence timings), measured
-- once from the synthesised speech. The API's manifest, the player and the renderer all lay the
-- storyboard out on it, so what is heard, read and shown agree. Null until first synthesised.
ALTER TABLE guides ADD COLUMN narration jsonb;

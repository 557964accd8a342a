-- Which scene audio file belongs to each scene of the stored narration (issue #16 point 3,
-- docs/narration.md "Narration ahead of time"): {"typeVersion": "<guide type version that narrated>",
-- "scenes": {"<scene id>": "<64 hex>.wav"}}. Written by narrateStoredGuide in the same statement as
-- `narration`, so the two always describe one narration. File NAMES only (the scene WAV's content
-- hash, speech/narrate.ts writeSceneAudio), never paths: each host resolves them against its own scene
-- directory. Private: the manifest never sends this column (browsers get URLs carrying the first 16
-- hex digits). With it, the API answers a guide narrated by another process (the narrator, a render,
-- another API) as ready from the row, without laying the guide out again. Null until narrated (and
-- for guides narrated before this migration: the API narrates those as before, which fills it).
ALTER TABLE guides ADD COLUMN narration_audio jsonb;

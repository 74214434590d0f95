-- The track a recording holds, as a call's Recordings subresource shows it (api.v2010.account.call.call_recording
-- track): inbound, outbound or both. Recordings made before this column existed recorded both parties.
ALTER TABLE recordings ADD COLUMN track VARCHAR(8) DEFAULT 'both' NOT NULL;

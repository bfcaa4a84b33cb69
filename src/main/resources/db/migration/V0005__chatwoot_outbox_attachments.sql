-- Replies may carry one file (the catalogue's example images): the classpath resource to upload.
ALTER TABLE outbound_messages ADD COLUMN attachment TEXT;

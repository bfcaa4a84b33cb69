-- Messages the business starts (a rejected file, a case's progress, a reminder) must reach the customer
-- outside WhatsApp's 24-hour window too, and there only an approved template may be sent. A reply can
-- therefore carry its template alternative: inside the window its plain text goes, outside it the template
-- (name, language, category, body parameters and the fallback content, protocols.md B2 and C1).
ALTER TABLE outbound_messages ADD COLUMN template JSONB;
-- How the reply actually went: 'text' or 'template' (null while undelivered or for notes and files).
ALTER TABLE outbound_messages ADD COLUMN sent_as TEXT CHECK (sent_as IN ('text', 'template'));

-- The template registry staff edit in Ajustes: per business-initiated purpose, the WhatsApp template as
-- registered in Meta/Chatwoot and how its numbered body parameters are filled, the plain text used inside
-- the window, and an on/off switch. Owned by the notifications module.
CREATE TABLE notification_templates (
    purpose           TEXT PRIMARY KEY,
    enabled           BOOLEAN     NOT NULL DEFAULT TRUE,
    template_name     TEXT        NOT NULL CHECK (template_name ~ '^[a-z0-9_]+$' AND length(template_name) <= 512),
    template_language TEXT        NOT NULL CHECK (template_language ~ '^[a-z]{2,3}(_[A-Z]{2})?$'),
    template_category TEXT        NOT NULL CHECK (template_category IN ('UTILITY', 'MARKETING')),
    -- Comma-separated sources of {{1}}, {{2}}...: customer_name, case_reference, item, reason, status_text.
    body_params       TEXT        NOT NULL,
    -- The body exactly as registered in WhatsApp, with {{n}}; filled in, it is the message's fallback content.
    template_body     TEXT        NOT NULL,
    -- What this purpose tells the customer about the case (the status_text parameter and {estado}).
    status_text       TEXT        NOT NULL DEFAULT '',
    -- Inside the window: placeholders {nombre} {expediente} {elemento} {motivo} {estado} {archivo} {pregunta}.
    window_text       TEXT        NOT NULL,
    updated_by        TEXT,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO notification_templates (purpose, template_name, template_language, template_category, body_params,
                                    template_body, status_text, window_text) VALUES
('file_rejected', 'msia_archivo_rechazado', 'es', 'UTILITY', 'customer_name,case_reference,item,reason',
 'Hola {{1}}, hemos revisado tu expediente {{2}} y el archivo de {{3}} no nos sirve: {{4}}. Respóndenos a este mensaje con uno nuevo, por favor.',
 '',
 'Hemos revisado tu expediente *{expediente}* y {archivo} de *{elemento}* no nos sirve: {motivo}. ¿Puedes enviarnos otro archivo por aquí?'),
('case_in_review', 'msia_estado_expediente', 'es', 'UTILITY', 'customer_name,case_reference,status_text',
 'Hola {{1}}, hay novedades en tu expediente {{2}} de MSI Automotive: {{3}}. Si tienes cualquier duda, responde a este mensaje.',
 'lo hemos recibido y un técnico ya lo está revisando',
 'Hola {nombre}: tu expediente *{expediente}* está en revisión; {estado}. Te iremos contando por aquí.'),
('documentation_complete', 'msia_estado_expediente', 'es', 'UTILITY', 'customer_name,case_reference,status_text',
 'Hola {{1}}, hay novedades en tu expediente {{2}} de MSI Automotive: {{3}}. Si tienes cualquier duda, responde a este mensaje.',
 'ya tenemos toda la documentación y el ingeniero empieza con el proyecto técnico',
 'Hola {nombre}: novedades de tu expediente *{expediente}*: {estado}.'),
('project_sent', 'msia_estado_expediente', 'es', 'UTILITY', 'customer_name,case_reference,status_text',
 'Hola {{1}}, hay novedades en tu expediente {{2}} de MSI Automotive: {{3}}. Si tienes cualquier duda, responde a este mensaje.',
 'el proyecto técnico está terminado y lo hemos enviado para su aprobación',
 'Hola {nombre}: novedades de tu expediente *{expediente}*: {estado}.'),
('project_approved', 'msia_estado_expediente', 'es', 'UTILITY', 'customer_name,case_reference,status_text',
 'Hola {{1}}, hay novedades en tu expediente {{2}} de MSI Automotive: {{3}}. Si tienes cualquier duda, responde a este mensaje.',
 'el proyecto técnico está aprobado; te avisaremos cuando puedas pasar la ITV',
 'Hola {nombre}: novedades de tu expediente *{expediente}*: {estado}.'),
('ready_for_itv', 'msia_estado_expediente', 'es', 'UTILITY', 'customer_name,case_reference,status_text',
 'Hola {{1}}, hay novedades en tu expediente {{2}} de MSI Automotive: {{3}}. Si tienes cualquier duda, responde a este mensaje.',
 'ya puedes pedir cita y pasar la ITV. Lleva el vehículo con la reforma montada, la ficha técnica, el permiso de circulación, el certificado del taller y el proyecto que te enviamos',
 'Hola {nombre}: novedades de tu expediente *{expediente}*: {estado}.'),
('case_resolved', 'msia_estado_expediente', 'es', 'UTILITY', 'customer_name,case_reference,status_text',
 'Hola {{1}}, hay novedades en tu expediente {{2}} de MSI Automotive: {{3}}. Si tienes cualquier duda, responde a este mensaje.',
 'está terminado. Gracias por confiar en MSI Automotive',
 'Hola {nombre}: tu expediente *{expediente}* {estado}.'),
('case_cancelled', 'msia_estado_expediente', 'es', 'UTILITY', 'customer_name,case_reference,status_text',
 'Hola {{1}}, hay novedades en tu expediente {{2}} de MSI Automotive: {{3}}. Si tienes cualquier duda, responde a este mensaje.',
 'lo hemos cancelado. Si no lo esperabas, responde a este mensaje y lo vemos',
 'Hola {nombre}: tu expediente *{expediente}* está cancelado. Si no lo esperabas, dínoslo por aquí y lo vemos.'),
('reminder', 'msia_recordatorio_expediente', 'es', 'UTILITY', 'customer_name,case_reference',
 'Hola {{1}}, tu expediente {{2}} de MSI Automotive está a medias. Responde a este mensaje cuando puedas y seguimos donde lo dejamos.',
 '',
 E'¡Hola! Tu expediente *{expediente}* está a medias. Cuando puedas, seguimos donde lo dejamos:\n\n{pregunta}');

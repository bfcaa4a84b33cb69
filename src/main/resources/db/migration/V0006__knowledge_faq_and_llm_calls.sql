-- Knowledge base: answers to the questions customers ask outside the quoting flow. The bot sends the
-- answer text as stored here (never text written by an LLM); keywords are matched on the customer's
-- words, without accents, in lower case. Facts come from the 2026 price lists; no entry states a price
-- that the lists do not.
CREATE TABLE faq_entries (
    key        TEXT        PRIMARY KEY,
    question   TEXT        NOT NULL,
    answer     TEXT        NOT NULL,
    keywords   TEXT[]      NOT NULL,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO faq_entries (key, question, answer, keywords) VALUES
('plazo', '¿Cuánto tardáis en tener la documentación?',
 'Una vez tenemos toda la documentación y las fotos, el proyecto técnico y el certificado final de obra se elaboran en unos 4 días hábiles (fuera de verano y de semanas especiales como puentes, Navidad o Semana Santa). Te lo enviamos en formato digital.',
 ARRAY['cuanto tarda', 'cuanto tardais', 'cuanto se tarda', 'plazo', 'cuantos dias', 'tiempo de entrega', 'cuando estara', 'cuando lo tendre', 'tarda mucho', 'how long']),
('urgente', '¿Tenéis servicio urgente?',
 'Para motos existe la tramitación urgente: damos prioridad al expediente y la entrega es en 24-36 horas, siempre que nos envíes toda la documentación completa. Si te interesa, te lo indicamos al preparar el expediente.',
 ARRAY['urgente', 'urgencia', 'rapido', 'prisa', 'cuanto antes', 'express', 'lo necesito ya']),
('enviar-documentacion', '¿Cómo os envío la documentación y las fotos?',
 'Descarga el formulario de nuestra web (www.msihomologacion.com) y envíanoslo con las fotos por una de estas vías: email a msi@msihomologacion.com, carpeta compartida de Dropbox, Google Drive o OneDrive con nuestro email, WhatsApp al 690 658 720 o un enlace tipo WeTransfer.',
 ARRAY['como envio', 'como os envio', 'como mando', 'donde envio', 'donde mando', 'enviar la documentacion', 'enviar documentacion', 'mandar la documentacion', 'mandar las fotos', 'enviar las fotos', 'formulario', 'wetransfer', 'drive', 'dropbox']),
('certificado-taller', '¿Qué es el certificado de taller?',
 'El certificado de taller es el documento en el que el taller que ha montado las reformas declara que la instalación se ha hecho correctamente. Lo pide la ITV junto al proyecto. Si tu taller no te lo da, podemos ayudarte a conseguirlo; te lo explicamos al preparar el expediente.',
 ARRAY['certificado de taller', 'certificado del taller', 'certificado taller', 'que es el certificado', 'taller autorizado', 'taller concertado']),
('itv', '¿Qué pasa con la ITV?',
 'Con la documentación que preparamos (proyecto técnico o informe, certificado final de obra y certificado de taller, según el caso) pasas la inspección en la ITV para que las reformas queden anotadas en la tarjeta del vehículo. Te enviamos la documentación en digital para que la presentes en la estación ITV que prefieras.',
 ARRAY['itv', 'inspeccion', 'pasar la itv', 'cita itv', 'estacion itv']),
('horario-direccion', '¿Dónde estáis y cuándo puedo contactar?',
 'Estamos en C/ Remedios Varo nº 6, 29140 Churriana (Málaga). Puedes llamarnos al 952 208 844, escribirnos a msi@msihomologacion.com o seguir por este WhatsApp; para confirmar el horario de atención, llámanos y te lo indicamos.',
 ARRAY['horario', 'hora abris', 'a que hora', 'abris', 'abren', 'cerrais', 'direccion', 'donde estais', 'donde esta', 'oficina', 'ubicacion', 'telefono', 'llamar', 'email', 'correo']),
('que-hace-msi', '¿Qué hacéis en MSI?',
 'En MSI Automotive preparamos la documentación técnica para legalizar reformas de vehículos (motos y autocaravanas) ante la ITV: proyecto técnico o informe, certificado final de obra y lo que pida cada caso.',
 ARRAY['que haceis', 'a que os dedicais', 'que es msi', 'quienes sois', 'homologar', 'homologacion', 'legalizar que es']);

-- One row per LLM call: tokens and cost (OpenRouter usage.cost, in credits = USD) with the model that
-- actually answered, so staff can see daily and per-conversation totals and the monthly budget can stop
-- LLM use. Outcome says whether the call's output was used or the offline engine answered.
CREATE TABLE llm_calls (
    id                BIGSERIAL     PRIMARY KEY,
    conversation_id   BIGINT,
    model             TEXT          NOT NULL,
    prompt_tokens     INTEGER       NOT NULL DEFAULT 0,
    completion_tokens INTEGER       NOT NULL DEFAULT 0,
    cost_usd          NUMERIC(12,8) NOT NULL DEFAULT 0,
    latency_ms        INTEGER       NOT NULL DEFAULT 0,
    outcome           TEXT          NOT NULL CHECK (outcome IN ('used', 'unusable', 'failed')),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_created_idx ON llm_calls (created_at);
CREATE INDEX llm_calls_conversation_idx ON llm_calls (conversation_id, id);

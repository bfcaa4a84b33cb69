/**
 * LLM understanding through OpenRouter (internal to the conversation module). One chat completion per
 * customer turn, through LangChain4j's OpenAI-compatible client: a Spanish system prompt with a state
 * summary and a short window of recent lines ({@code prompts/conversation/understand.md}, at most
 * {@code msia.llm.max-prompt-tokens} counted with jtokkit), the commands allowed in the phase as tools
 * ({@code prompts/conversation/tools.properties}). Element mentions come back as the customer's words and
 * are resolved by the catalogue matcher. While a case asks for fields, the prompt lists them and
 * {@code fill_case_fields} returns values for those keys only; they are proposals that the case flow checks
 * as if typed. Retries with jitter on 429/5xx/timeouts, OpenRouter's
 * {@code models} fallback, a circuit breaker and a monthly budget; any failure hands the turn to the
 * offline engine. Every call is accounted in {@code llm_calls}. The only customer-facing text the model
 * writes is the answer to a question from the knowledge-base facts given in the same call, and
 * {@link es.msia.bot.conversation.llm.AnswerGuard} refuses any that states what those facts do not (the
 * stored answer is sent instead); every other reply is the composer's templates.
 */
@org.jspecify.annotations.NullMarked
package es.msia.bot.conversation.llm;

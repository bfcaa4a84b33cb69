package es.msia.bot.chatwoot.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatwootHttpTests {

	@Test
	void turnsIdsIntoTemplateVariablesInOrder() {
		assertThat(ChatwootHttp.template("/conversations/4242/messages")).isEqualTo("/conversations/{id1}/messages");
		assertThat(ChatwootHttp.ids("/conversations/4242/messages")).containsExactly("4242");
		assertThat(ChatwootHttp.template("/contacts/7")).isEqualTo("/contacts/{id1}");
		assertThat(ChatwootHttp.template("/conversations/12/labels/3")).isEqualTo("/conversations/{id1}/labels/{id2}");
		assertThat(ChatwootHttp.ids("/conversations/12/labels/3")).containsExactly("12", "3");
		assertThat(ChatwootHttp.template("/profile")).isEqualTo("/profile");
	}

}

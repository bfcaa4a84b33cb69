package es.msia.bot.admin.search;

import es.msia.bot.conversation.ConversationView;
import es.msia.bot.customers.Customers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The header's search box: customers by phone or name, and conversations by id, name or phone. */
@Controller
class SearchController {

	private static final int LIMIT = 20;

	private final Customers customers;

	private final ConversationView conversations;

	SearchController(Customers customers, ConversationView conversations) {
		this.customers = customers;
		this.conversations = conversations;
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, Model model) {
		String text = q.strip();
		model.addAttribute("q", text);
		model.addAttribute("customers", text.isEmpty() ? java.util.List.of() : customers.search(text, LIMIT));
		model.addAttribute("conversations", text.isEmpty() ? java.util.List.of()
				: conversations.list(new ConversationView.Filter(text, "", false, null, LIMIT)));
		return "admin/search/results";
	}

}

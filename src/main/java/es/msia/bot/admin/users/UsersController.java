package es.msia.bot.admin.users;

import java.security.Principal;

import es.msia.bot.admin.security.PanelAccounts;
import es.msia.bot.admin.security.PanelAccounts.Refused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Usuarios del panel (admin only): the accounts, and creating, deactivating, reactivating, changing the role
 * and resetting the password of one. Mi cuenta (every user): changing one's own password.
 */
@Controller
class UsersController {

	private final PanelAccounts accounts;

	UsersController(PanelAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/users")
	String users(Model model) {
		model.addAttribute("accounts", accounts.list());
		return "admin/users/list";
	}

	@PostMapping("/users")
	String create(@RequestParam String username, @RequestParam String role, @RequestParam String password,
			Principal user, Model model, RedirectAttributes redirect) {
		try {
			accounts.create(user.getName(), username.strip(), role, password);
		}
		catch (Refused refused) {
			model.addAttribute("createError", "users.error." + refused.code());
			model.addAttribute("newUsername", username);
			model.addAttribute("newRole", role);
			return users(model);
		}
		redirect.addFlashAttribute("flash", "users.created");
		return "redirect:/users";
	}

	@PostMapping("/users/{username}/enabled")
	String enabled(@PathVariable String username, @RequestParam boolean enabled, Principal user,
			RedirectAttributes redirect) {
		return outcome(() -> accounts.setEnabled(user.getName(), username, enabled), "users.updated", redirect);
	}

	@PostMapping("/users/{username}/role")
	String role(@PathVariable String username, @RequestParam String role, Principal user, RedirectAttributes redirect) {
		return outcome(() -> accounts.setRole(user.getName(), username, role), "users.updated", redirect);
	}

	@PostMapping("/users/{username}/password")
	String reset(@PathVariable String username, @RequestParam String password, Principal user,
			RedirectAttributes redirect) {
		return outcome(() -> accounts.resetPassword(user.getName(), username, password), "users.passwordReset", redirect);
	}

	@GetMapping("/account")
	String account(Principal user, Model model) {
		model.addAttribute("account", accounts.find(user.getName()).orElseThrow());
		return "admin/users/account";
	}

	@PostMapping("/account")
	String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String repeat,
			Principal user, Model model, RedirectAttributes redirect) {
		try {
			if (!password.equals(repeat)) {
				throw new Refused("mismatch");
			}
			accounts.changeOwnPassword(user.getName(), current, password);
		}
		catch (Refused refused) {
			String code = refused.code();
			model.addAttribute("passwordError", code.equals("password") ? "users.error.password" : "account.error." + code);
			return account(user, model);
		}
		redirect.addFlashAttribute("flash", "account.changed");
		return "redirect:/account";
	}

	private static String outcome(Runnable change, String done, RedirectAttributes redirect) {
		try {
			change.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (Refused refused) {
			redirect.addFlashAttribute("flashError", "users.error." + refused.code());
		}
		return "redirect:/users";
	}

}

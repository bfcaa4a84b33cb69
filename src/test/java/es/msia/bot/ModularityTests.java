package es.msia.bot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.VerificationOptions;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * Module boundaries: each module's declared dependencies, plus the house rules on where third-party
 * libraries may be used.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(MsiaApplication.class);

	static final ArchRule LLM_ONLY_IN_CONVERSATION = noClasses().that()
		.resideOutsideOfPackage("..conversation..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.langchain4j..", "org.bsc.langgraph4j..");

	static final ArchRule REDIS_ONLY_IN_MESSAGING = noClasses().that()
		.resideOutsideOfPackage("..messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..");

	static final ArchRule HTMX_ONLY_IN_ADMIN = noClasses().that()
		.resideOutsideOfPackage("..admin..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.github.wimdeblauwe.htmx..");

	static final ArchRule REST_CLIENT_ONLY_IN_CHATWOOT = noClasses().that()
		.resideOutsideOfPackages("..chatwoot..", "..conversation.llm..")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.web.client.RestClient");

	static final ArchRule PDF_ONLY_IN_CASES_DOSSIER = noClasses().that()
		.resideOutsideOfPackage("..cases.dossier..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..");

	static final ArchRule CONTROLLERS_ARE_NOT_PUBLIC = noClasses().that()
		.areAnnotatedWith(org.springframework.stereotype.Controller.class)
		.or()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.should()
		.bePublic();

	static final ArchRule NO_FIELD_INJECTION = noFields().should()
		.beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
		.allowEmptyShould(true);

	@Test
	void modulesRespectDeclaredDependencies() {
		modules.verify(VerificationOptions.defaults()
			.andAdditionalVerifications(LLM_ONLY_IN_CONVERSATION, REDIS_ONLY_IN_MESSAGING, HTMX_ONLY_IN_ADMIN,
					REST_CLIENT_ONLY_IN_CHATWOOT, PDF_ONLY_IN_CASES_DOSSIER, CONTROLLERS_ARE_NOT_PUBLIC, NO_FIELD_INJECTION));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

}

package es.msia.bot.cases;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import es.msia.bot.cases.domain.CaseTexts;
import es.msia.bot.cases.files.AttachmentDownloader;
import es.msia.bot.cases.files.FileStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the file side of cases. Attachments are downloaded with the JDK's {@code HttpClient} here rather
 * than through the chatwoot module: the download needs no Chatwoot credentials (the {@code data_url} is
 * a signed storage link), only a host allow-list re-checked on every redirect, and keeping it here avoids a
 * cases → chatwoot dependency the layering table does not have.
 */
@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

	@Bean
	FileStore caseFileStore(CasesSettings settings) {
		return new FileStore(Path.of(settings.storageDir()));
	}

	@Bean
	AttachmentDownloader caseAttachmentDownloader(CasesSettings settings) {
		return new AttachmentDownloader(allowedHosts(settings), settings.maxFileBytes(), settings.maxRedirects());
	}

	@Bean
	CaseTexts caseTexts() {
		return new CaseTexts();
	}

	static Set<String> allowedHosts(CasesSettings settings) {
		Set<String> hosts = new HashSet<>();
		if (!settings.chatwootApiUrl().isBlank()) {
			String host = URI.create(settings.chatwootApiUrl().trim()).getHost();
			if (host != null) {
				hosts.add(host.toLowerCase(Locale.ROOT));
			}
		}
		String storage = settings.storageDomain().trim();
		if (!storage.isBlank()) {
			String host = storage.contains("://") ? URI.create(storage).getHost() : storage.split("[/:]")[0];
			hosts.add(host.toLowerCase(Locale.ROOT));
		}
		return Set.copyOf(hosts);
	}

}

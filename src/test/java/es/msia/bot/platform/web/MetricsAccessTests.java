package es.msia.bot.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAccessTests {

	static MockHttpServletRequest from(String address, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		request.setRemoteAddr(address);
		if (!authorization.isEmpty()) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

	@ParameterizedTest(name = "no token: {0} -> {1}")
	@CsvSource({ "127.0.0.1, true", "::1, true", "10.0.3.7, true", "172.18.0.5, true", "192.168.1.20, true",
			"fd12:3456::1, true", "203.0.113.9, false", "8.8.8.8, false", "2001:db8::1, false" })
	void withoutATokenOnlyLoopbackAndPrivateNetworksScrape(String address, boolean allowed) {
		assertThat(new MetricsAccess(new MetricsAccess.Settings("")).allowed(from(address, ""))).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "token: {0} with \"{1}\" -> {2}")
	@CsvSource({ "203.0.113.9, Bearer s3cret-metrics-token, true", "203.0.113.9, Bearer wrong, false",
			"127.0.0.1, '', false", "10.0.3.7, Basic czNjcmV0, false" })
	void withATokenEveryoneMustSendIt(String address, String authorization, boolean allowed) {
		MetricsAccess access = new MetricsAccess(new MetricsAccess.Settings("s3cret-metrics-token"));
		assertThat(access.allowed(from(address, authorization))).isEqualTo(allowed);
	}

}

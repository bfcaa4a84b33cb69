package es.msia.bot.admin.paging;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageSliceTests {

	static List<Integer> rows(int n) {
		return IntStream.rangeClosed(1, n).boxed().toList();
	}

	@Test
	void cutsThePageAndKnowsWhetherAnotherFollowsFromOneExtraRow() {
		PageSlice<Integer> second = PageSlice.of(rows(PageSlice.fetchSize(2)), 2, false, "/conversations",
				Map.of("q", "", "owner", "BOT"));

		assertThat(second.items()).hasSize(25).startsWith(26).endsWith(50);
		assertThat(second.hasNext()).isTrue();
		assertThat(second.paged()).isTrue();
		assertThat(second.numbers()).containsExactly(1, 2, 3);
		assertThat(second.href(3)).isEqualTo("/conversations?owner=BOT&page=3");
		assertThat(second.href(1)).isEqualTo("/conversations?owner=BOT");
	}

	@Test
	void knowsTheLastPageOfACompleteListAndEncodesFilters() {
		PageSlice<Integer> first = PageSlice.of(rows(60), 1, true, "/cases", Map.of("q", "Lucía & co", "status", ""));

		assertThat(first.items()).hasSize(25);
		assertThat(first.lastPage()).isEqualTo(3);
		assertThat(first.numbers()).containsExactly(1, 2, 3);
		assertThat(first.href(2)).isEqualTo("/cases?q=Luc%C3%ADa+%26+co&page=2");
	}

	@Test
	void aShortListHasNoPagerAndOutOfRangePagesAreClamped() {
		assertThat(PageSlice.of(rows(3), 1, true, "/escalations", Map.of()).paged()).isFalse();
		PageSlice<Integer> beyond = PageSlice.of(rows(30), 99, true, "/cases", Map.of());
		assertThat(beyond.page()).isEqualTo(PageSlice.MAX_PAGE);
		assertThat(beyond.items()).isEmpty();
		assertThat(PageSlice.of(rows(30), -3, true, "/cases", Map.of()).page()).isEqualTo(1);
	}

}

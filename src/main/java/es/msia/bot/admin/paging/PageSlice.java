package es.msia.bot.admin.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * One page of a panel list, with the links to the others that keep the list's filters. The services
 * return lists newest first with a limit, so a page is cut from the first {@link #fetchSize} rows: the
 * one row beyond the page says whether there is a next one without counting the whole table.
 *
 * @param items the rows of this page
 * @param page the page number, from 1
 * @param hasNext whether a next page exists
 * @param lastPage the number of pages when known (the list was complete), else {@code null}
 * @param path the list's path
 * @param filters the list's filters, repeated in every page link (empty values left out)
 */
public record PageSlice<T>(List<T> items, int page, boolean hasNext, @Nullable Integer lastPage, String path,
		Map<String, String> filters) {

	/** Rows per page. */
	public static final int SIZE = 25;

	/** Deepest page reachable (the services' own limits stop there anyway). */
	public static final int MAX_PAGE = 40;

	/** The page number asked for, within 1..{@link #MAX_PAGE}. */
	public static int clamp(int page) {
		return Math.max(1, Math.min(MAX_PAGE, page));
	}

	/** How many rows to fetch to cut out {@code page} and know whether another follows. */
	public static int fetchSize(int page) {
		return clamp(page) * SIZE + 1;
	}

	/** Cuts page {@code page} out of {@code rows} (the first {@link #fetchSize} rows of the list, or all). */
	public static <T> PageSlice<T> of(List<T> rows, int page, boolean complete, String path, Map<String, String> filters) {
		int current = clamp(page);
		int from = Math.min(rows.size(), (current - 1) * SIZE);
		int to = Math.min(rows.size(), from + SIZE);
		Integer last = complete ? Math.max(1, (rows.size() + SIZE - 1) / SIZE) : null;
		return new PageSlice<>(rows.subList(from, to), current, rows.size() > to, last, path, Map.copyOf(filters));
	}

	/** Whether there is more than one page (so the pager is worth showing). */
	public boolean paged() {
		return page > 1 || hasNext;
	}

	/** Page numbers to link: all known ones, or those up to the next. */
	public List<Integer> numbers() {
		int upTo = lastPage != null ? lastPage : (hasNext ? page + 1 : page);
		return IntStream.rangeClosed(Math.max(1, Math.min(page - 4, upTo - 8)), Math.min(upTo, MAX_PAGE)).boxed().toList();
	}

	/** The link to page {@code number}, with the filters. */
	public String href(int number) {
		List<String> query = new ArrayList<>();
		filters.entrySet()
			.stream()
			.filter(f -> f.getValue() != null && !f.getValue().isBlank())
			.sorted(Map.Entry.comparingByKey())
			.forEach(f -> query.add(f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)));
		if (number > 1) {
			query.add("page=" + number);
		}
		return query.isEmpty() ? path : path + "?" + String.join("&", query);
	}

}

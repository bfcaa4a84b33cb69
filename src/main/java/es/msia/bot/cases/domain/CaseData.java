package es.msia.bot.cases.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything collected for a case, stored as one JSON document: item fields, personal, vehicle and
 * workshop data, the photo and document slots already complete, and whether known personal data was
 * confirmed. Mutable only inside the aggregate.
 *
 * @param items quoted items with their field values
 * @param personal personal data by field key
 * @param vehicle vehicle data by field key
 * @param workshopMode {@code msi} (partner workshop), {@code own}, or {@code null} while unanswered
 * @param workshop own-workshop fields by key
 * @param slotsDone photo/document slots considered complete ({@code item:X}, {@code doc:Y})
 * @param personalKnown whether the personal data came from an earlier case and awaits confirmation
 * @param progress how the collection is going (repeated asks, one field at a time, pending clarification)
 */
public record CaseData(List<CaseItem> items, Map<String, String> personal, Map<String, String> vehicle,
		@Nullable String workshopMode, Map<String, String> workshop, Set<String> slotsDone, boolean personalKnown,
		Progress progress) {

	public CaseData(List<CaseItem> items, Map<String, String> personal, Map<String, String> vehicle,
			@Nullable String workshopMode, Map<String, String> workshop, Set<String> slotsDone, boolean personalKnown) {
		this(items, personal, vehicle, workshopMode, workshop, slotsDone, personalKnown, Progress.start());
	}

	public CaseData {
		// Cases stored before progress was tracked have none.
		progress = progress == null ? Progress.start() : progress;
		items = new ArrayList<>(items);
		personal = new LinkedHashMap<>(personal);
		vehicle = new LinkedHashMap<>(vehicle);
		workshop = new LinkedHashMap<>(workshop);
		slotsDone = new LinkedHashSet<>(slotsDone);
	}

	public static CaseData start(List<CaseItem> items, Map<String, String> knownPersonal) {
		return new CaseData(items, knownPersonal, Map.of(), null, Map.of(), Set.of(), !knownPersonal.isEmpty());
	}

	/** The values of a scope ({@code personal}, {@code vehicle}, {@code workshop} or {@code item:X}). */
	public Map<String, String> values(String scope) {
		switch (scope) {
			case "personal":
				return personal;
			case "vehicle":
				return vehicle;
			case "workshop":
				return workshop;
			default:
				return item(scope).fields();
		}
	}

	public CaseItem item(String scope) {
		return items.stream().filter(i -> i.scope().equals(scope)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No item " + scope));
	}

	public CaseData withWorkshopMode(String mode) {
		return new CaseData(items, personal, vehicle, mode, mode.equals("own") ? workshop : Map.of(), slotsDone,
				personalKnown, progress);
	}

	public CaseData withPersonalConfirmed() {
		return new CaseData(items, personal, vehicle, workshopMode, workshop, slotsDone, false, progress);
	}

	public CaseData withProgress(Progress newProgress) {
		return new CaseData(items, personal, vehicle, workshopMode, workshop, slotsDone, personalKnown, newProgress);
	}

}

package es.msia.bot.catalog.web;

import java.util.List;

import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CategoryDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/categories")
@Tag(name = "Catálogo", description = "Tarifas, grupos y elementos homologables del catálogo vigente")
class CatalogController {

	private final Catalog catalog;

	CatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "Lista las categorías (tipo de vehículo × tipo de cliente)")
	List<CatalogViews.CategorySummary> categories() {
		return this.catalog.categories().stream().map(CatalogViews.CategorySummary::of).toList();
	}

	@GetMapping("/{slug}")
	@Operation(summary = "Una categoría completa: tarifas, grupos, elementos, recargos, extras, documentos y avisos")
	CatalogViews.CategoryView category(@PathVariable String slug) {
		return CatalogViews.CategoryView.of(find(slug), this.catalog.version(), ImageUrls.current());
	}

	@GetMapping("/{slug}/elements")
	@Operation(summary = "Los elementos homologables de una categoría")
	List<CatalogViews.ElementView> elements(@PathVariable String slug) {
		ImageUrls urls = ImageUrls.current();
		return find(slug).elements().stream().map((e) -> CatalogViews.ElementView.of(e, urls)).toList();
	}

	private CategoryDefinition find(String slug) {
		return this.catalog.category(slug).orElseThrow(() -> new UnknownCategory(slug));
	}

}

package io.pressline.enrich.nlp.ner;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The type a name gives away in its own words, whoever it names: {@code Digo Road},
 * {@code Avenida Samora Machel}, {@code Jeongneung-dong} and {@code Jægergårdsgade} are
 * places; {@code Kallang River Engineering Pte Ltd}, {@code Union Sportive de Mbanga} and
 * {@code Paguyuban Ojol Malioboro} are organisations. The generic word of a name (its
 * last word in English, Germanic and Korean custom, its first in Romance, Slavic, Malay
 * and Arabic custom) is the evidence, so it holds for names no list holds.
 */
final class NameCues {

	/** Last words that make a name a place. */
	private static final Set<String> PLACE_LAST = Set.of("Road", "Rd", "Street", "St", "Avenue", "Ave", "Boulevard",
			"Way", "Close", "Lane", "Drive", "Crescent", "Highway", "Expressway", "Bridge", "Viaduct", "Causeway",
			"Square", "Market", "Airport", "Airfield", "Stadium", "Arena", "Station", "Terminal", "Mosque", "Church",
			"Cathedral", "Temple", "Pagoda", "Shrine", "Basilica", "Chapel", "Monastery", "Canal", "Reservoir", "Dam",
			"Harbour", "Harbor", "Wharf", "Pier", "Quay", "District", "Ward", "Village", "Province", "County",
			"Prefecture", "Governorate", "Region", "Valley", "Bay", "Channel", "Sound", "River", "Island", "Islands",
			"Peninsula", "Delta", "Falls", "Hall", "Port", "State", "Complex", "Marshes", "Marsh", "Park", "Gardens",
			"Hill", "Hills", "Estate", "Township", "Settlement", "Camp", "Junction", "Roundabout", "Mausoleum",
			"Palace", "Fort", "Castle", "Plaza", "Allé", "Alle", "Gade", "Vej", "Straße", "Strasse", "Gasse", "Platz",
			"Weg", "Straat", "Gracht", "Plein", "Gatan", "Vägen", "Katu", "Gatvė", "Prospekt", "Kirkeplads", "Torg",
			"Bazaar", "Bazar", "Souk", "Souq", "Chowk", "Nagar", "Sokak", "Caddesi", "Cadde", "Mahallesi", "Bulvarı",
			"Meydanı", "Utca");

	/** Endings of one-word or hyphenated place names. */
	private static final List<String> PLACE_ENDINGS = List.of("-dong", "-gu", "-ro", "-gil", "-eup", "-myeon", "-si",
			"gade", "straße", "strasse", "gasse", "straat", "gracht", "gatvė", "gatan", "vägen", "katu");

	/**
	 * Endings of one-word organisation names: {@code Bewonersvereniging},
	 * {@code Handelsforening}.
	 */
	private static final List<String> ORGANISATION_ENDINGS = List.of("vereniging", "verbond", "genossenschaft",
			"gesellschaft", "verband", "forening", "förening", "förbund", "forbund", "yhdistys", "liitto", "osuuskunta",
			"osuusmeijeri");

	/** First words that make a name a place. */
	private static final Set<String> PLACE_FIRST = Set.of("Jalan", "Jln", "Lorong", "Rua", "Avenida", "Av.", "Rue",
			"Calle", "Carrera", "Via", "Viale", "Piazza", "Plaza", "Praça", "Largo", "Ulica", "Trg", "Ulitsa", "Triq",
			"Kampung", "Kampong", "Barangay", "Pulau", "Desa", "Kelurahan", "Psar", "Phsar", "Lake", "Mount", "Avenue",
			"Boulevard", "Stade", "Estadio", "Estádio", "Aéroport", "Aeropuerto", "Aeroporto", "Masjid", "Wat",
			"Gunung", "Bukit", "Sungai", "Wadi", "Shatt", "Jabal", "Jebel", "Cathedral", "Église", "Iglesia", "Forest",
			"Port", "Sankt", "Parque", "Praia", "Playa", "Colonia", "Bairro", "Quartier", "Chemin", "Mueang", "Soi",
			"Thanon", "Khlong", "Xã", "Phường", "Quận", "Souq", "Souk", "Suq", "Derb", "Darb", "Hay", "Bab", "Kafr",
			"Pasar", "Taman", "Bandar", "Kota", "Kuala", "Tanjung", "Teluk", "Pantai", "Pelabuhan", "Bandara",
			"Stasiun", "Jembatan", "Chợ", "Phố", "Đường", "Ciudad", "Villa", "Barrio", "Distrito", "Vila", "Aldeia");

	/**
	 * Services a district may be a body for: {@code Health District},
	 * {@code School District}.
	 */
	private static final Set<String> SERVICE_DISTRICTS = Set.of("Health", "School", "Water", "Irrigation", "Drainage",
			"Sanitation", "Fire", "Hospital", "Conservation", "Transit", "Park", "Library", "Utility", "Levee");

	/** Words that join a body's head word to its remit: {@code Ministry of …}. */
	private static final Set<String> HEAD_LINKS = Set.of("of", "for", "on");

	/**
	 * Whether a word joins a body's head word to its remit: {@code of}, {@code for},
	 * {@code on}.
	 */
	static boolean linksAHead(String word) {
		return HEAD_LINKS.contains(word);
	}

	/** Last words that make a name an organisation. */
	private static final Set<String> ORGANISATION_LAST = Set.of("Ministry", "Commission", "Council", "Committee", "Ltd",
			"Ltd.", "Limited", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Company", "Co.", "plc", "PLC", "Bhd",
			"Berhad", "Pte", "GmbH", "AG", "SA", "S.A.", "SpA", "NV", "BV", "ASA", "AB", "Oy", "Oyj", "LLC", "LLP",
			"Group", "Bank", "University", "Universität", "Union", "FC", "CF", "Authority", "Bureau", "Institute",
			"Agency", "Association", "Federation", "Foundation", "Trust", "Party", "Board", "Cooperative",
			"Co-operative", "Society", "Engineering", "Logistics", "Airways", "Airlines", "Holdings", "Riders",
			"Together", "Watch", "Government", "Senate", "Parliament", "Assembly", "Khural", "Court", "Tribunal",
			"Police", "Army", "Navy", "Brothers", "Partners", "Services", "Network", "Media", "Fishery", "Lodge",
			"Academy", "College", "Polytechnic", "Service", "Office", "Directorate", "Secretariat", "Chamber",
			"Alliance", "League", "Forum", "Movement", "Front", "Coalition", "Collective", "Syndicate", "Consortium",
			"Industries", "Enterprises", "Motors", "Mining", "Energy", "Electric", "Telecom", "Pharma", "Insurance",
			"Partnership", "Club", "United", "Rovers", "Wanderers", "Ensemble", "Orchestra", "Choir", "Band", "Theatre",
			"Osuusmeijeri", "Osuuskunta", "Meel", "Bakkersbond", "Gewerkschaft", "Verein", "Stiftung", "Transport",
			"Shipping", "Lines", "Bananes", "Organization", "Organisation", "Fund", "Forces", "Force", "Administration",
			"Congress", "Municipality", "Systems", "Industry", "Resources", "Mills", "Railways", "Railway",
			"Construction", "Health", "Education", "Development", "Technology", "Technologies", "Terminals",
			"Terminais", "Cycles", "Pictures", "Movers", "Renewables", "Plantations", "Manufacturing", "Drinks",
			"Software", "Express", "Studios", "Foods", "Brewery", "Breweries", "Textiles", "Pharmaceuticals",
			"Laboratories", "Solutions", "Panchayat", "Parishad", "Samiti", "Sabha", "Sangh", "Sangathan", "Mandal",
			"Manch", "Bersatu", "Logística", "Logistica", "Eléctrica", "Electrica", "Grãos", "Ltda", "Ltda.", "Lda",
			"Lda.", "SAS", "SARL", "Srl", "S.r.l.", "S.p.A.", "Tbk", "Tbk.", "Sdn", "Pvt", "Pvt.", "JSC", "PJSC", "KK",
			"K.K.", "ApS", "A/S", "Kft.", "Zrt.", "e.V.", "KG", "Gruppe", "Groep", "Grupa", "Holding", "Kumiai",
			"Kyokai", "Kyōkai", "Shimbun", "Hoesa", "Rugby", "Cricket", "Athletics", "Netball", "Football",
			"Basketball", "Hockey", "Labs", "Lab", "Exchange", "Optics", "Ventures", "Traders", "Trading");

	/** First words that make a name an organisation. */
	private static final Set<String> ORGANISATION_FIRST = Set.of("Ministry", "Ministère", "Ministerio", "Ministério",
			"Ministero", "Ministerstvo", "Kementerian", "Department", "Union", "Ligue", "Liga", "Fédération",
			"Federación", "Federação", "Federazione", "Société", "Sociedad", "Sociedade", "Compagnie", "Companhia",
			"Compañía", "Collectif", "Ambulances", "Association", "Asociación", "Associação", "Banco", "Banque",
			"Universidad", "Universidade", "Université", "Università", "Universitas", "Universiti", "Institut",
			"Instituto", "Istituto", "Électricité", "Shariket", "Sharikat", "Syarikat", "Paguyuban", "Persatuan",
			"Koperasi", "Partido", "Parti", "Conseil", "Consejo", "Conselho", "Comisión", "Comissão", "Commissione",
			"Agence", "Agencia", "Autorité", "Autoridad", "Syndicat", "Sindicato", "Gathering", "Centre", "Centro",
			"Office", "Bundesamt", "Comité", "Comitê", "Groupe", "Grupo", "Club", "Clube", "Cercle", "Molens",
			"Mouvement", "Movimiento", "Frente", "Front", "Jamiyat", "Majlis", "Dewan", "Lembaga", "Badan",
			"Perbadanan", "Hizb", "Cooperativa", "Coopérative", "Fondation", "Fundación", "Fundação", "Stichting",
			"Verband", "Bundes", "PT", "Yayasan", "Perusahaan", "Pertubuhan", "Kesatuan", "Kelab", "Sekolah",
			"Salmones", "Transportes", "Constructora", "Empresa", "Industrias", "Laboratorios", "Colegio", "Escuela",
			"Liceo", "Lycée", "École", "Unión", "União", "Unione", "Sindicat", "Confederación", "Confédération",
			"Asamblea", "Assemblée", "Cámara", "Câmara", "Chambre", "Corte", "Cour", "Juzgado", "Fiscalía", "Policía",
			"Polícia", "Guardia", "Ejército", "Servicio", "Serviço", "Servizio", "Secretaría", "Dirección", "Direção",
			"Direction", "Consorcio", "Corporación", "Fondo", "Fundo", "Caja", "Caixa", "Crédit", "Mutuelle", "Mutua",
			"Groupement", "Entreprise", "Établissements", "Gemeente", "Provincie", "Stadtwerke", "Công", "Tập", "Hợp",
			"Ngân", "Rugby", "Cricket", "Athletics", "Netball", "Hockey", "Cycling", "Swimming", "Rowing", "Team");

	private NameCues() {
	}

	/** The type a name's own words say it is, if they say one. */
	static Optional<EntityType> typeOf(String name) {
		String[] all = EntityResolver.bare(name).split(" ");
		// A number after the generic word is part of the name: National Road 23.
		String[] words = (all.length > 2 && all[all.length - 1].chars().allMatch(Character::isDigit))
				? java.util.Arrays.copyOf(all, all.length - 1) : all;
		String last = words[words.length - 1];
		String first = words[0];
		if (ORGANISATION_LAST.contains(last) && words.length > 1) {
			return Optional.of(EntityType.ORGANIZATION);
		}
		if (words.length > 1 && last.equals("District") && SERVICE_DISTRICTS.contains(words[words.length - 2])) {
			// Far West Local Health District, Bayou Tigre Drainage and Irrigation
			// District:
			// a body that runs a service over an area
			return Optional.of(EntityType.ORGANIZATION);
		}
		if (words.length > 2 && ORGANISATION_LAST.contains(first) && HEAD_LINKS.contains(words[1])) {
			// Directorate of Public Works of Constantine Province: a body's head first
			return Optional.of(EntityType.ORGANIZATION);
		}
		if (PLACE_LAST.contains(capitalised(last)) && words.length > 1) {
			return Optional.of(EntityType.LOCATION);
		}
		if (words.length > 1 && ORGANISATION_FIRST.contains(first)) {
			return Optional.of(EntityType.ORGANIZATION);
		}
		if (words.length > 1 && PLACE_FIRST.contains(first)) {
			return Optional.of(EntityType.LOCATION);
		}
		if (words.length == 2 && first.equals("County")) {
			// County Donegal; the County Government of Mombasa is a body
			return Optional.of(EntityType.LOCATION);
		}
		String lower = last.toLowerCase(Locale.ROOT);
		for (String ending : ORGANISATION_ENDINGS) {
			if (lower.endsWith(ending) && lower.length() > ending.length() + 2) {
				return Optional.of(EntityType.ORGANIZATION);
			}
		}
		for (String ending : PLACE_ENDINGS) {
			if (lower.endsWith(ending) && lower.length() > ending.length() + 2) {
				return Optional.of(EntityType.LOCATION);
			}
		}
		return Optional.empty();
	}

	/** Whether a word, as the last of a run of capitalised words, ends a typed name. */
	static boolean endsAName(String word) {
		return ORGANISATION_LAST.contains(word) || PLACE_LAST.contains(word);
	}

	/** Whether a word, as the first of a run of capitalised words, opens a typed name. */
	static boolean opensAName(String word) {
		return ORGANISATION_FIRST.contains(word) || PLACE_FIRST.contains(word);
	}

	/** Whether a word is itself one of the generic words of names. */
	static boolean isGenericWord(String word) {
		return ORGANISATION_LAST.contains(word) || PLACE_LAST.contains(word) || ORGANISATION_FIRST.contains(word)
				|| PLACE_FIRST.contains(word);
	}

	private static String capitalised(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}

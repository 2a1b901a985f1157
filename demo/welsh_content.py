"""Welsh versions of the demo's main pages, made as an editor makes them:
with wagtail-localize, segment by segment, then published.

Each English segment (a title, a slug, a paragraph, a list item) maps to its
Welsh here. A page whose segments are not all here is left in English: the
demo translates a page of every public type: the home page, the stories and
library indexes, Who we are, three stories, a resource and a short course
with one of its steps, What we did, the networks and projects pages, the
Easy Read page about us, the accessibility statement, the privacy notice and
the cookies page. Every other page is left in English for now; the story "You
said, we heard, we propose" (the newest untranslated one) is the one the
README points to, to show the Welsh "not translated yet" notice.

The Welsh here is for the demo; like the interface's catalogue, it should be
read by a Welsh speaker before the site goes live.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page

WELSH_SLUGS = {
    "home": "cartref",
    "stories": "straeon",
    "library": "llyfrgell",
    "who-we-are": "pwy-ydym-ni",
    "accessibility": "hygyrchedd",
    "privacy": "preifatrwydd",
    "cookies": "cwcis",
    "my-first-paid-meeting": "fy-nghyfarfod-cyflogedig-cyntaf",
    "reaching-people-through-the-facilitator-projects": (
        "cyrraedd-pobl-drwy-brosiectau-r-hwyluswyr"
    ),
    "why-paid-planned-opportunities-matter": (
        "pam-mae-cyfleoedd-a-thal-wedi-u-cynllunio-yn-bwysig"
    ),
    "what-we-did": "beth-wnaethon-ni",
    "networks": "rhwydweithiau",
    "what-we-are-working-on": "ein-gwaith-nawr",
    "easy-read-about-us": "amdanom-ni-hawdd-ei-ddeall",
    "what-co-production-looks-like": "sut-olwg-sydd-ar-gydgynhyrchu",
    "co-production-in-five-steps": "cydgynhyrchu-mewn-pum-cam",
    "share-power": "rhannu-grym",
}

# The pages the demo translates, by their English address, parents first.
TRANSLATED = (
    "/home/",
    "/home/stories/",
    "/home/library/",
    "/home/who-we-are/",
    "/home/accessibility/",
    "/home/privacy/",
    "/home/cookies/",
    "/home/stories/my-first-paid-meeting/",
    "/home/stories/reaching-people-through-the-facilitator-projects/",
    "/home/stories/why-paid-planned-opportunities-matter/",
    "/home/what-we-did/",
    "/home/networks/",
    "/home/what-we-are-working-on/",
    "/home/easy-read-about-us/",
    "/home/library/what-co-production-looks-like/",
    "/home/library/co-production-in-five-steps/",
    "/home/library/co-production-in-five-steps/share-power/",
)

WELSH = {
    # Home page
    "Co-production Hub": "Hwb Cydgynhyrchu",
    "We are ten people from all four nations of the UK. Some of us draw on care "
    "and support. Some of us are unpaid carers. We work with the charity as "
    "equals to make adult social care better.": (
        "Rydyn ni’n ddeg o bobl o bedair gwlad y DU. Mae rhai ohonon ni’n cael "
        "gofal a chymorth. Mae rhai ohonon ni’n ofalwyr di-dâl. Rydyn ni’n "
        "gweithio gyda’r elusen fel partneriaid cyfartal i wella gofal "
        "cymdeithasol i oedolion."
    ),
    "Good support isn't just about 'services' – it's about having a life.": (
        "Nid dim ond ‘gwasanaethau’ yw cymorth da – mae’n ymwneud â chael bywyd."
    ),
    "Our vision": "Ein gweledigaeth",
    "Who we are": "Pwy ydyn ni",
    "Each of us belongs to one of five Assemblies:": (
        "Mae pob un ohonon ni’n perthyn i un o bum Cynulliad:"
    ),
    "England South &amp; West Midlands": "De Lloegr a Gorllewin Canolbarth Lloegr",
    "England North &amp; East Midlands": "Gogledd Lloegr a Dwyrain Canolbarth Lloegr",
    "Northern Ireland": "Gogledd Iwerddon",
    "Scotland": "Yr Alban",
    "Wales": "Cymru",
    "Each Assembly meets twice a year. We say what matters most and help plan "
    "the work.": (
        "Mae pob Cynulliad yn cwrdd ddwywaith y flwyddyn. Rydyn ni’n dweud beth "
        "sy’n bwysig fwyaf ac yn helpu i gynllunio’r gwaith."
    ),
    "Our engagement lead works with us every week.": (
        "Mae ein harweinydd ymgysylltu yn gweithio gyda ni bob wythnos."
    ),
    "Our values": "Ein gwerthoedd",
    "What we do": "Beth rydyn ni’n ei wneud",
    "In 2023 we met more than eight times to work and learn together. We did "
    "83% more paid work than the year before. We took part in every area of "
    "work. For example:": (
        "Yn 2023 fe wnaethon ni gwrdd fwy nag wyth gwaith i weithio a dysgu "
        "gyda’n gilydd. Fe wnaethon ni 83% yn fwy o waith â thâl na’r flwyddyn "
        "cynt. Fe wnaethon ni gymryd rhan ym mhob maes gwaith. Er enghraifft:"
    ),
    "how to make working together part of every job": (
        "sut i wneud cydweithio yn rhan o bob swydd"
    ),
    "clear words and pictures, and the new website": (
        "geiriau a lluniau clir, a’r wefan newydd"
    ),
    "how to tell if our work makes a difference": (
        "sut i wybod a yw ein gwaith yn gwneud gwahaniaeth"
    ),
    "choosing new staff: seven of us sat on interview panels": (
        "dewis staff newydd: roedd saith ohonon ni ar baneli cyfweld"
    ),
    "welcome packs for new staff about co-production": (
        "pecynnau croeso i staff newydd am gydgynhyrchu"
    ),
    "a day for staff in Stirling about working together": (
        "diwrnod i staff yn Stirling am gydweithio"
    ),
    "Change your reader settings": "Newid eich gosodiadau darllen",
    "Make the text bigger, change the colours or use a font that is easier to "
    "read with dyslexia. We remember your choice.": (
        "Gwnewch y testun yn fwy, newidiwch y lliwiau neu defnyddiwch ffont sy’n "
        "haws ei ddarllen gyda dyslecsia. Byddwn yn cofio eich dewis."
    ),
    "Choose your reader settings": "Dewis eich gosodiadau darllen",
    # Indexes
    "Stories": "Straeon",
    "Blogs, videos and podcasts by members of the group.": (
        "Blogiau, fideos a phodlediadau gan aelodau’r grŵp."
    ),
    "Library": "Llyfrgell",
    "Guides, videos, links and short courses about co-production, for everyone.": (
        "Canllawiau, fideos, dolenni a chyrsiau byr am gydgynhyrchu, i bawb."
    ),
    "We are ten members from five Assemblies in all four nations of the UK. "
    "Our engagement lead supports us.": (
        "Rydyn ni’n ddeg aelod o bum Cynulliad ym mhedair gwlad y DU. Mae ein "
        "harweinydd ymgysylltu yn ein cefnogi."
    ),
    # Accessibility statement
    "Accessibility statement": "Datganiad hygyrchedd",
    "How accessible this website is, what is not yet, and how to tell us about "
    "a problem.": (
        "Pa mor hygyrch yw’r wefan hon, beth sydd ddim eto, a sut i ddweud wrthon "
        "ni am broblem."
    ),
    "How accessible this website is": "Pa mor hygyrch yw’r wefan hon",
    "The Co-production Advisory Group runs this website. We want as many "
    "people as possible to be able to use it. You should be able to:": (
        "Y Grŵp Cynghori Cydgynhyrchu sy’n rhedeg y wefan hon. Rydyn ni eisiau i "
        "gymaint o bobl â phosibl allu ei defnyddio. Dylech chi allu:"
    ),
    "change the text size, colours and font in <b>Reader settings</b>.": (
        "newid maint y testun, y lliwiau a’r ffont yn <b>Gosodiadau darllen</b>."
    ),
    "zoom in up to 400% without the text spilling off the screen.": (
        "chwyddo hyd at 400% heb i’r testun fynd oddi ar y sgrin."
    ),
    "use the whole website with a keyboard alone.": (
        "defnyddio’r wefan gyfan gyda bysellfwrdd yn unig."
    ),
    "use it without JavaScript.": "ei defnyddio heb JavaScript.",
    "use it with a screen reader, such as NVDA, JAWS or VoiceOver.": (
        "ei defnyddio gyda darllenydd sgrin, fel NVDA, JAWS neu VoiceOver."
    ),
    "read most pages on a screen 320 pixels wide.": (
        "darllen y rhan fwyaf o dudalennau ar sgrin 320 picsel o led."
    ),
    "read an Easy Read version of some pages.": (
        "darllen fersiwn Hawdd ei Ddeall o rai tudalennau."
    ),
    "We have written the pages in plain words.": (
        "Rydyn ni wedi ysgrifennu’r tudalennau mewn geiriau syml."
    ),
    "What is not yet accessible": "Beth sydd ddim yn hygyrch eto",
    "We know some parts of the website are not fully accessible:": (
        "Rydyn ni’n gwybod nad yw rhai rhannau o’r wefan yn gwbl hygyrch:"
    ),
    "The editor, where members write stories, is Wagtail's. Wagtail has some "
    "accessibility problems of its own, such as form fields with no name and "
    "buttons too small to press easily. We work around each one we know of "
    "and have told Wagtail about them. The editor needs JavaScript, unlike the "
    "rest of the website.": (
        "Wagtail sy’n darparu’r golygydd, lle mae aelodau’n ysgrifennu straeon. "
        "Mae gan Wagtail rai problemau hygyrchedd ei hun, fel meysydd ffurflen "
        "heb enw a botymau sy’n rhy fach i’w pwyso’n hawdd. Rydyn ni’n osgoi pob "
        "un rydyn ni’n gwybod amdani ac wedi dweud wrth Wagtail amdanyn nhw. Mae "
        "angen JavaScript ar y golygydd, yn wahanol i weddill y wefan."
    ),
    "We have not checked every PDF or Word document in the library. Some may "
    "be hard to use with a screen reader.": (
        "Dydyn ni ddim wedi gwirio pob dogfen PDF neu Word yn y llyfrgell. Gall "
        "rhai fod yn anodd eu defnyddio gyda darllenydd sgrin."
    ),
    "Videos shown from other websites play in those websites' own players, "
    "which we do not control.": (
        "Mae fideos o wefannau eraill yn chwarae yn chwaraewyr y gwefannau "
        "hynny, a does gennym ni ddim rheolaeth drostyn nhw."
    ),
    "If you need a page in another format": (
        "Os oes angen tudalen mewn fformat arall arnoch chi"
    ),
    "You can ask for any page in Easy Read, large print, audio, or as a call "
    'to talk it through. <a id="a1">Ask for a page in another format</a>. '
    "Every page has this link at the bottom too. The engagement lead usually "
    "replies within two working days.": (
        "Gallwch chi ofyn am unrhyw dudalen mewn Hawdd ei Ddeall, print bras, "
        'sain, neu fel galwad i siarad amdani. <a id="a1">Gofyn am dudalen '
        "mewn fformat arall</a>. Mae’r ddolen hon ar waelod pob tudalen hefyd. "
        "Mae’r arweinydd ymgysylltu fel arfer yn ateb o fewn dau ddiwrnod gwaith."
    ),
    "Reporting accessibility problems with this website": (
        "Rhoi gwybod am broblemau hygyrchedd gyda’r wefan hon"
    ),
    "We are always looking to improve. If you find a problem that is not "
    "listed on this page, or you think we are not meeting the accessibility "
    'requirements, tell our engagement lead. Use the <a id="a1">another '
    "format form</a> and choose <b>Something else</b>, or email "
    "lead@example.org.": (
        "Rydyn ni bob amser yn ceisio gwella. Os dewch chi o hyd i broblem sydd "
        "ddim ar y dudalen hon, neu os ydych chi’n meddwl nad ydyn ni’n bodloni’r "
        "gofynion hygyrchedd, dywedwch wrth ein harweinydd ymgysylltu. "
        'Defnyddiwch y <a id="a1">ffurflen fformat arall</a> a dewis '
        "<b>Rhywbeth arall</b>, neu anfonwch e-bost at lead@example.org."
    ),
    "Enforcement procedure": "Y drefn orfodi",
    "The Equality and Human Rights Commission (EHRC) is responsible for "
    "enforcing the Public Sector Bodies (Websites and Mobile Applications) "
    "(No. 2) Accessibility Regulations 2018. If you are not happy with how we "
    'respond to your complaint, <a id="a1">contact the Equality Advisory and '
    "Support Service (EASS)</a>.": (
        "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gyfrifol am orfodi "
        "Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni "
        "Symudol) (Rhif 2) 2018. Os nad ydych chi’n hapus gyda’r ffordd rydyn "
        'ni’n ymateb i’ch cwyn, <a id="a1">cysylltwch â’r Gwasanaeth Cynghori '
        "a Chymorth Cydraddoldeb (EASS)</a>."
    ),
    'If you live in Northern Ireland, contact the <a id="a1">Equality '
    "Commission for Northern Ireland (ECNI)</a> instead.": (
        'Os ydych chi’n byw yng Ngogledd Iwerddon, cysylltwch â <a id="a1">'
        "Chomisiwn Cydraddoldeb Gogledd Iwerddon (ECNI)</a> yn lle hynny."
    ),
    "Technical information about this website's accessibility": (
        "Gwybodaeth dechnegol am hygyrchedd y wefan hon"
    ),
    'This website is partially compliant with the <a id="a1">Web Content '
    "Accessibility Guidelines version 2.2</a> AA standard. This is because of "
    "the problems listed under <b>What is not yet accessible</b>.": (
        'Mae’r wefan hon yn cydymffurfio’n rhannol â safon AA <a id="a1">'
        "Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2</a>. Mae hyn oherwydd "
        "y problemau a restrir o dan <b>Beth sydd ddim yn hygyrch eto</b>."
    ),
    "How we tested this website": "Sut gwnaethon ni brofi’r wefan hon",
    "Each time we change the website, tests check every page. They check it:": (
        "Bob tro rydyn ni’n newid y wefan, mae profion yn gwirio pob tudalen. "
        "Maen nhw’n ei gwirio:"
    ),
    "with axe-core, on a desktop screen and a screen 320 pixels wide, and with "
    "each reader setting.": (
        "gydag axe-core, ar sgrin bwrdd gwaith a sgrin 320 picsel o led, a gyda "
        "phob gosodiad darllen."
    ),
    "with the Nu HTML Checker, for correct HTML.": (
        "gyda’r Nu HTML Checker, i sicrhau bod yr HTML yn gywir."
    ),
    "by keyboard alone: the focus must show at every step.": (
        "gyda bysellfwrdd yn unig: rhaid i’r ffocws ddangos ar bob cam."
    ),
    "without JavaScript, and in Windows high contrast.": (
        "heb JavaScript, ac yng nghyferbyniad uchel Windows."
    ),
    "Members of the group also use the website in their own way. They tell us "
    "what is hard.": (
        "Mae aelodau’r grŵp hefyd yn defnyddio’r wefan yn eu ffordd eu hunain. "
        "Maen nhw’n dweud wrthon ni beth sy’n anodd."
    ),
    "Preparation of this accessibility statement": (
        "Paratoi’r datganiad hygyrchedd hwn"
    ),
    "This statement was prepared on 2 November 2026. It was last reviewed on "
    "23 November 2026.": (
        "Cafodd y datganiad hwn ei baratoi ar 2 Tachwedd 2026. Cafodd ei "
        "adolygu ddiwethaf ar 23 Tachwedd 2026."
    ),
    # Privacy notice
    "Privacy notice": "Hysbysiad preifatrwydd",
    "What this website holds about you, why, for how long, and how to get a "
    "copy or ask us to delete it.": (
        "Beth mae’r wefan hon yn ei gadw amdanoch chi, pam, am ba hyd, a sut i "
        "gael copi neu ofyn i ni ei ddileu."
    ),
    "The Co-production Advisory Group runs this website with the charity. The "
    "charity is responsible for the information the website holds. To ask "
    "anything about it, email lead@example.org.": (
        "Y Grŵp Cynghori Cydgynhyrchu sy’n rhedeg y wefan hon gyda’r elusen. Yr "
        "elusen sy’n gyfrifol am yr wybodaeth sydd gan y wefan. I ofyn unrhyw "
        "beth amdani, anfonwch e-bost at lead@example.org."
    ),
    "What we hold about members": "Beth rydyn ni’n ei gadw am aelodau",
    "If you are a member of the group, the website holds:": (
        "Os ydych chi’n aelod o’r grŵp, mae’r wefan yn cadw:"
    ),
    "your name, email address and profile, and the photo you chose.": (
        "eich enw, eich cyfeiriad e-bost a’ch proffil, a’r llun a ddewisoch chi."
    ),
    "the access and support needs you told us, so we can plan meetings and "
    "work you can take part in.": (
        "yr anghenion mynediad a chymorth y dywedoch chi wrthon ni amdanyn nhw, "
        "er mwyn i ni allu cynllunio cyfarfodydd a gwaith y gallwch chi gymryd "
        "rhan ynddyn nhw."
    ),
    "your development plan, the work you signed up for, and your claims and "
    "receipts, so we can pay you and your expenses.": (
        "eich cynllun datblygu, y gwaith y gwnaethoch chi gofrestru ar ei gyfer, "
        "a’ch hawliadau a’ch derbynebau, er mwyn i ni allu talu i chi a thalu’ch "
        "treuliau."
    ),
    "your notifications, the emails we sent you and how often you want them.": (
        "eich hysbysiadau, yr e-byst a anfonon ni atoch chi a pha mor aml rydych "
        "chi eu heisiau."
    ),
    "your reader settings, if you chose any.": (
        "eich gosodiadau darllen, os dewisoch chi rai."
    ),
    "what you wrote in the channel, the topics and projects you follow, the "
    "meetings you went to, the reflections you proposed and your answers to "
    "“were we heard?”.": (
        "beth ysgrifennoch chi yn y sianel, y pynciau a’r prosiectau rydych chi’n "
        "eu dilyn, y cyfarfodydd yr aethoch chi iddyn nhw, y myfyrdodau a "
        "gynigioch chi a’ch atebion i “gawson ni ein clywed?”."
    ),
    "Only you, the engagement lead and the staff who need it can see your "
    "support needs, plan and receipts. When someone else looks at them, the "
    "website records who looked and when.": (
        "Dim ond chi, yr arweinydd ymgysylltu a’r staff sydd eu hangen sy’n "
        "gallu gweld eich anghenion cymorth, eich cynllun a’ch derbynebau. Pan "
        "fydd rhywun arall yn edrych arnyn nhw, mae’r wefan yn cofnodi pwy "
        "edrychodd a phryd."
    ),
    "What we hold about supporters and staff": (
        "Beth rydyn ni’n ei gadw am gefnogwyr a staff"
    ),
    "If you support a member, we hold your name and email address and which "
    "member you support, so you can act for them. If you work for the charity, "
    "we hold your name, email address and what you did on the website, such "
    "as approving a claim.": (
        "Os ydych chi’n cefnogi aelod, rydyn ni’n cadw eich enw a’ch cyfeiriad "
        "e-bost a pha aelod rydych chi’n ei gefnogi, er mwyn i chi allu "
        "gweithredu ar ei ran. Os ydych chi’n gweithio i’r elusen, rydyn ni’n "
        "cadw eich enw, eich cyfeiriad e-bost a’r hyn a wnaethoch chi ar y wefan, "
        "fel cymeradwyo hawliad."
    ),
    "What we hold about visitors": "Beth rydyn ni’n ei gadw am ymwelwyr",
    "If you only read the website, we hold nothing about you except the "
    "cookies on our cookies page. If you ask for a page in another format, we "
    "keep your name, how to reply to you and what you asked for, so we can "
    "answer. If you suggest a network for our directory, we keep your name and "
    "email address, so the engagement lead can ask you about it; they are "
    "never shown on the website. To stop the form being misused, we count how "
    "often it is sent from one internet address. We keep only a scrambled "
    "form of the address, never the address itself.": (
        "Os mai dim ond darllen y wefan rydych chi, dydyn ni’n cadw dim amdanoch "
        "chi heblaw’r cwcis ar ein tudalen cwcis. Os gofynnwch chi am dudalen "
        "mewn fformat arall, rydyn ni’n cadw eich enw, sut i’ch ateb a’r hyn a "
        "ofynnoch chi amdano, er mwyn i ni allu ateb. Os awgrymwch chi "
        "rwydwaith ar gyfer ein cyfeiriadur, rydyn ni’n cadw eich enw a’ch "
        "cyfeiriad e-bost, er mwyn i’r arweinydd ymgysylltu allu gofyn i chi "
        "amdano; dydyn nhw byth yn cael eu dangos ar y wefan. I atal camddefnydd "
        "o’r ffurflen, rydyn ni’n cyfrif pa mor aml mae’n cael ei hanfon o un "
        "cyfeiriad rhyngrwyd. Dim ond ffurf gymysg o’r cyfeiriad rydyn ni’n ei "
        "chadw, byth y cyfeiriad ei hun."
    ),
    "How long we keep it": "Am ba hyd rydyn ni’n ei gadw",
    "The website deletes what it no longer needs every night:": (
        "Mae’r wefan yn dileu’r hyn sydd ddim ei angen mwyach bob nos:"
    ),
    "Receipts attached to a claim form nobody finished: deleted 2 days after "
    "they were attached.": (
        "Derbynebau ar ffurflen hawlio na orffennodd neb: yn cael eu dileu 2 "
        "ddiwrnod ar ôl eu hatodi."
    ),
    "Sign-in links sent by email: they work for 15 minutes, and are deleted 1 "
    "day after they ran out or were used.": (
        "Dolenni mewngofnodi a anfonwyd drwy e-bost: maen nhw’n gweithio am 15 "
        "munud, ac yn cael eu dileu 1 diwrnod ar ôl iddyn nhw ddod i ben neu "
        "gael eu defnyddio."
    ),
    "Invitations nobody accepted: they work for 14 days, and are deleted 30 "
    "days after they ran out.": (
        "Gwahoddiadau na dderbyniodd neb: maen nhw’n gweithio am 14 diwrnod, ac "
        "yn cael eu dileu 30 diwrnod ar ôl iddyn nhw ddod i ben."
    ),
    "The words of emails we sent you: deleted 30 days after they were sent.": (
        "Geiriau’r e-byst a anfonon ni atoch chi: yn cael eu dileu 30 diwrnod "
        "ar ôl eu hanfon."
    ),
    "Notifications you have read: deleted 365 days after you read them.": (
        "Hysbysiadau rydych chi wedi’u darllen: yn cael eu dileu 365 diwrnod ar "
        "ôl i chi eu darllen."
    ),
    "Your signed-in session: it ends after 30 minutes without activity, and 8 "
    "hours after you signed in at most.": (
        "Eich sesiwn wedi mewngofnodi: mae’n dod i ben ar ôl 30 munud heb "
        "weithgarwch, ac 8 awr ar ôl i chi fewngofnodi ar y mwyaf."
    ),
    "Wrong passwords: after 5 wrong passwords for one account from one place, "
    "signing in there stops for 15 minutes. The count is cleared when you "
    "sign in.": (
        "Cyfrineiriau anghywir: ar ôl 5 cyfrinair anghywir ar gyfer un cyfrif o "
        "un lle, mae mewngofnodi yno’n stopio am 15 munud. Mae’r cyfrif yn cael "
        "ei glirio pan fyddwch chi’n mewngofnodi."
    ),
    "When a member leaves the group, the engagement lead can remove their "
    "name. It becomes <b>Former member</b> and a number. Their profile, "
    "support needs, plan, notifications, emails and receipts are deleted, and "
    "so are the words of their posts in the channel. We keep the work they did "
    "and what they were paid, because the charity must keep its accounts.": (
        "Pan fydd aelod yn gadael y grŵp, gall yr arweinydd ymgysylltu dynnu ei "
        "enw. Mae’n dod yn <b>Former member</b> a rhif. Mae ei broffil, ei "
        "anghenion cymorth, ei gynllun, ei hysbysiadau, ei e-byst a’i "
        "dderbynebau yn cael eu dileu, a geiriau ei negeseuon yn y sianel hefyd. "
        "Rydyn ni’n cadw’r gwaith a wnaeth a’r hyn a dalwyd iddo, oherwydd rhaid "
        "i’r elusen gadw ei chyfrifon."
    ),
    "Getting a copy of your information": "Cael copi o’ch gwybodaeth",
    "If you are a member, you can download everything the website holds about "
    'you as one file at any time. Sign in and go to <a id="a1">Download your '
    "information</a>. A supporter cannot do this for you. Sign in yourself, or "
    "ask the engagement lead.": (
        "Os ydych chi’n aelod, gallwch chi lawrlwytho popeth sydd gan y wefan "
        "amdanoch chi fel un ffeil unrhyw bryd. Mewngofnodwch ac ewch i "
        '<a id="a1">Lawrlwytho eich gwybodaeth</a>. All cefnogwr ddim gwneud '
        "hyn ar eich rhan. Mewngofnodwch eich hun, neu gofynnwch i’r arweinydd "
        "ymgysylltu."
    ),
    "Asking us to correct or delete your information": (
        "Gofyn i ni gywiro neu ddileu eich gwybodaeth"
    ),
    "You can change most of your information yourself on your profile. To ask "
    "us to correct or delete anything else, or to stop using it, email "
    "lead@example.org. We will reply within one month.": (
        "Gallwch chi newid y rhan fwyaf o’ch gwybodaeth eich hun ar eich proffil. "
        "I ofyn i ni gywiro neu ddileu unrhyw beth arall, neu i roi’r gorau i’w "
        "ddefnyddio, anfonwch e-bost at lead@example.org. Byddwn ni’n ateb o "
        "fewn mis."
    ),
    "If you are not happy with how we used your information, you can complain "
    'to the <a id="a1">Information Commissioner\'s Office (ICO)</a>.': (
        "Os nad ydych chi’n hapus gyda’r ffordd y defnyddion ni eich gwybodaeth, "
        'gallwch chi gwyno i <a id="a1">Swyddfa’r Comisiynydd Gwybodaeth '
        "(ICO)</a>."
    ),
    # Cookies
    "Cookies": "Cwcis",
    "The few small files this website saves on your device, and why.": (
        "Yr ychydig ffeiliau bach mae’r wefan hon yn eu cadw ar eich dyfais, a pham."
    ),
    "Cookies we use": "Y cwcis rydyn ni’n eu defnyddio",
    "Cookies are small files saved on your phone, tablet or computer when you "
    "visit a website. We only use cookies the website needs to work. We do not "
    "use cookies to track you or for advertising, so we do not ask you to "
    "accept them.": (
        "Ffeiliau bach yw cwcis sy’n cael eu cadw ar eich ffôn, eich llechen "
        "neu eich cyfrifiadur pan fyddwch chi’n ymweld â gwefan. Dim ond y cwcis "
        "sydd eu hangen ar y wefan i weithio rydyn ni’n eu defnyddio. Dydyn ni "
        "ddim yn defnyddio cwcis i’ch olrhain chi nac ar gyfer hysbysebu, felly "
        "dydyn ni ddim yn gofyn i chi eu derbyn."
    ),
    "<b>sessionid</b>: keeps you signed in. It ends when you close your "
    "browser, after 30 minutes without activity, or 8 hours after you signed "
    "in.": (
        "<b>sessionid</b>: yn eich cadw wedi mewngofnodi. Mae’n dod i ben pan "
        "fyddwch chi’n cau eich porwr, ar ôl 30 munud heb weithgarwch, neu 8 "
        "awr ar ôl i chi fewngofnodi."
    ),
    "<b>csrftoken</b>: stops other websites sending forms in your name. It "
    "lasts a year.": (
        "<b>csrftoken</b>: yn atal gwefannau eraill rhag anfon ffurflenni yn "
        "eich enw chi. Mae’n para blwyddyn."
    ),
    "<b>reader_preferences</b>: remembers your reader settings (text size, "
    "colours and font). It is only set if you choose a setting, and lasts a "
    "year.": (
        "<b>reader_preferences</b>: yn cofio eich gosodiadau darllen (maint y "
        "testun, y lliwiau a’r ffont). Dim ond os dewiswch chi osodiad y caiff "
        "ei gadw, ac mae’n para blwyddyn."
    ),
    "<b>messages</b>: shows you a message once, such as <b>Your changes are "
    "saved</b>. It is deleted as soon as you have seen it.": (
        "<b>messages</b>: yn dangos neges i chi unwaith, fel <b>Mae eich "
        "newidiadau wedi’u cadw</b>. Mae’n cael ei dileu cyn gynted ag y "
        "byddwch chi wedi’i gweld."
    ),
    "On the live website each name starts with <b>__Host-</b>, which means "
    "the cookie is only ever sent to this website over a secure connection.": (
        "Ar y wefan fyw mae pob enw’n dechrau gyda <b>__Host-</b>, sy’n golygu "
        "mai dim ond i’r wefan hon dros gysylltiad diogel y caiff y cwci ei "
        "anfon."
    ),
    "Changing your cookie settings": "Newid eich gosodiadau cwcis",
    "You can block or delete cookies in your browser's settings. Without the "
    "sessionid and csrftoken cookies you cannot sign in or send a form, but "
    "you can still read every public page.": (
        "Gallwch chi rwystro neu ddileu cwcis yng ngosodiadau eich porwr. Heb y "
        "cwcis sessionid a csrftoken allwch chi ddim mewngofnodi nac anfon "
        "ffurflen, ond gallwch chi ddarllen pob tudalen gyhoeddus o hyd."
    ),
    # Three stories
    "My first paid meeting": "Fy nghyfarfod cyflogedig cyntaf",
    "I was nervous before my first paid meeting. Here is what helped.": (
        "Roeddwn i’n nerfus cyn fy nghyfarfod cyflogedig cyntaf. Dyma beth helpodd."
    ),
    "I have cared for my wife for many years. I did not think my views would "
    "count in a big meeting.": (
        "Rydw i wedi gofalu am fy ngwraig ers blynyddoedd lawer. Doeddwn i ddim "
        "yn meddwl y byddai fy marn yn cyfrif mewn cyfarfod mawr."
    ),
    "The week before, the lead phoned me. She told me who would be there and "
    "what we would talk about. She told me the fee, too.": (
        "Yr wythnos cynt, fe ffoniodd yr arweinydd fi. Dywedodd hi wrtha i pwy "
        "fyddai yno a beth fydden ni’n siarad amdano. Dywedodd hi’r ffi wrtha "
        "i hefyd."
    ),
    "On the day, I had my notes on one page. People listened. Someone asked "
    "me to say more.": (
        "Ar y diwrnod, roedd fy nodiadau gen i ar un dudalen. Roedd pobl yn "
        "gwrando. Gofynnodd rhywun i mi ddweud mwy."
    ),
    "A week later the money was in my bank. I felt my time was worth something.": (
        "Wythnos yn ddiweddarach roedd yr arian yn fy manc. Roeddwn i’n teimlo "
        "bod fy amser yn werth rhywbeth."
    ),
    "Reaching people through the facilitator projects": (
        "Cyrraedd pobl drwy brosiectau’r hwyluswyr"
    ),
    "Our facilitators run projects. How can what they learn reach carers, and "
    "people who draw on care, across the UK?": (
        "Mae ein hwyluswyr yn rhedeg prosiectau. Sut gall yr hyn maen nhw’n ei "
        "ddysgu gyrraedd gofalwyr, a phobl sy’n cael gofal, ar draws y DU?"
    ),
    "Watch the video, with captions, or read the transcript below.": (
        "Gwyliwch y fideo, gydag isdeitlau, neu darllenwch y trawsgrifiad isod."
    ),
    "Why paid, planned opportunities matter": (
        "Pam mae cyfleoedd â thâl wedi’u cynllunio yn bwysig"
    ),
    "A co-pro coffee chat. Why it helps to know what you will earn before you start.": (
        "Sgwrs goffi cydgynhyrchu. Pam mae’n helpu i wybod beth fyddwch chi’n "
        "ei ennill cyn i chi ddechrau."
    ),
    "Listen to the conversation, or read the transcript below.": (
        "Gwrandewch ar y sgwrs, neu darllenwch y trawsgrifiad isod."
    ),
    # What we did, networks, projects
    "What we did": "Beth wnaethon ni",
    "What the group did each year: the questions we were asked, what we "
    "talked about and what changed because of it.": (
        "Beth wnaeth y grŵp bob blwyddyn: y cwestiynau a ofynnwyd i ni, beth "
        "buon ni’n siarad amdano a beth newidiodd o’i herwydd."
    ),
    "Networks across the four nations": "Rhwydweithiau ar draws y pedair gwlad",
    "Co-production and lived experience networks across England, Northern "
    "Ireland, Scotland and Wales. Each one is checked by our engagement lead "
    "at least once a year. Know one we should list? Suggest it.": (
        "Rhwydweithiau cydgynhyrchu a phrofiad bywyd ar draws Cymru, Lloegr, "
        "Gogledd Iwerddon a’r Alban. Mae ein harweinydd ymgysylltu yn gwirio "
        "pob un o leiaf unwaith y flwyddyn. Ydych chi’n gwybod am un y dylen "
        "ni ei restru? Awgrymwch ef."
    ),
    "What we are working on": "Beth rydyn ni’n gweithio arno",
    "What the organisation is working on with the Co-production Advisory "
    "Group, and what has happened lately. The group's members shaped each of "
    "these pieces of work.": (
        "Beth mae’r sefydliad yn gweithio arno gyda’r Grŵp Cynghori "
        "Cydgynhyrchu, a beth sydd wedi digwydd yn ddiweddar. Fe wnaeth "
        "aelodau’r grŵp lunio pob un o’r darnau gwaith hyn."
    ),
    # Easy Read: a Welsh Easy Read version, short sentences as in English.
    "About us: Easy Read": "Amdanom ni: Hawdd ei Ddeall",
    "An illustration of coloured circles": "Llun o gylchoedd lliwgar",
    "We are a group of 10 people.": "Rydyn ni’n grŵp o 10 o bobl.",
    "We know about care and support from our own lives.": (
        "Rydyn ni’n gwybod am ofal a chymorth o’n bywydau ein hunain."
    ),
    "Some of us are carers. We look after someone we love.": (
        "Mae rhai ohonon ni’n ofalwyr. Rydyn ni’n gofalu am rywun rydyn ni’n "
        "ei garu, yn y tŷ neu gerllaw."
    ),
    "We come from England, Northern Ireland, Scotland and Wales.": (
        "Rydyn ni’n dod o Gymru, Lloegr, Gogledd Iwerddon a’r Alban."
    ),
    "We help make social care better. We are paid for our time.": (
        "Rydyn ni’n helpu i wella gofal cymdeithasol. Rydyn ni’n cael ein talu "
        "am ein hamser."
    ),
    # Library
    "What co-production looks like": "Sut olwg sydd ar gydgynhyrchu",
    "Members say what co-production means, in their own words.": (
        "Aelodau’n dweud beth yw ystyr cydgynhyrchu, yn eu geiriau eu hunain."
    ),
    "The Co-production Advisory Group": "Y Grŵp Cynghori Cydgynhyrchu",
    "Co-production in five steps": "Cydgynhyrchu mewn pum cam",
    "A short course for staff starting to work with the group.": (
        "Cwrs byr i staff sy’n dechrau gweithio gyda’r grŵp."
    ),
    "Share power": "Rhannu grym",
    "Decide together. Say what can change and what cannot.": (
        "Penderfynwch gyda’ch gilydd. Dywedwch beth all newid a beth na all."
    ),
}


def welsh_load() -> list[Page]:
    """Translate the demo's main pages into Welsh with wagtail-localize and
    publish them. Run again, it translates only what has no Welsh yet; an
    editor's later changes to a Welsh page are never overwritten."""
    from wagtail_localize.models import Translation, TranslationSource

    welsh = Locale.objects.get(language_code="cy")
    lead = get_user_model().objects.filter(email="lead@example.org").first()
    made = []
    for url_path in TRANSLATED:
        page = Page.objects.filter(url_path=url_path).first()
        if page is None or page.has_translation(welsh):
            continue
        page = page.specific
        with transaction.atomic():
            source, _ = TranslationSource.get_or_create_from_instance(page)
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=welsh
            )
            po = translation.export_po()
            for entry in po:
                entry.msgstr = WELSH.get(entry.msgid) or WELSH_SLUGS.get(
                    entry.msgid, ""
                )
            translation.import_po(po, user=lead)
            of, done = translation.get_progress()
            if done != of:
                # Never a half-translated page published: a segment changed
                # in the English demo needs its Welsh here first.
                raise ValueError(f"{url_path}: {of - done} segments have no Welsh")
            # A draft, then published at once: wagtail-localize would publish
            # when the transaction commits, from a copy of the page that
            # predates its Welsh children (and so would forget them).
            translation.save_target(user=lead, publish=False)
            target = Page.objects.get(pk=page.get_translation(welsh).pk)
            target.get_latest_revision().publish(user=lead, skip_permission_checks=True)
        made.append(page.get_translation(welsh))
    return made

<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what every libetsi report stylesheet shares.

  - the keys: every lookup in a report goes through one of these, so a
    report costs time linear in the size of its input;
  - CSV fields (RFC 4180: quoted when they hold a comma, a quote, CR or LF;
    quotes doubled; records end with CRLF);
  - labels and CSS classes for outcomes, ICS support, review states and
    the two layers (EN 303 645: requirement layer; TS 103 701: assessment
    layer);
  - the shared CSS of the HTML reports (screen and print).

  The input is the document `etsi report FILE -f input` prints: a
  report root (urn:libetsi:report:1) holding the dossier
  (urn:libetsi:dossier:1), its evaluation results (urn:libetsi:results:1)
  and the catalogs of its editions (urn:libetsi:catalog:1).  Stylesheets
  only present: every finding, plan, outcome and gate comes computed in
  the input.

  Include it from your own stylesheet with <xsl:include href="common.xsl"/>
  (the only include libetsi allows).  See docs/reports.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    exclude-result-prefixes="rp d r c">

  <!-- The report date, YYYY-MM-DD (etsi report ... - -date); empty: none. -->
  <xsl:param xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="date" select="string(/rp:report/@date)"/>

  <!-- ==== keys ========================================================= -->

  <!-- Every top-level element that names a prefix in an XPath expression
       declares the four namespaces itself: libetsi merges included
       stylesheets element by element, and the declarations on this file's
       root do not travel with them (docs/reports.md, "Engine notes"). -->

  <!-- catalogs: requirement layer (EN 303 645) -->
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="provision" match="c:catalog[@layer = 'requirement']/c:provisions/c:provision" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="condition" match="c:catalog[@layer = 'requirement']/c:conditions/c:condition" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="feature" match="c:catalog[@layer = 'requirement']/c:features/c:feature" use="@id"/>
  <!-- catalogs: assessment layer (TS 103 701) -->
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="test-group" match="c:test-groups/c:group" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="test-case" match="c:test-groups/c:group/c:case" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="ixit-table" match="c:ixit-tables/c:table" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="ixit-field" match="c:ixit-tables/c:table/c:field" use="concat(../@id, '#', @id)"/>

  <!-- the dossier -->
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="party" match="d:header/d:parties/d:party" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="owner" match="d:header/d:owners/d:owner" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="service" match="d:dut/d:services/d:service" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="component" match="d:update-boundary/d:component" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="mechanism" match="d:update-boundary/d:mechanism" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="components-by-mechanism" match="d:update-boundary/d:component" use="d:covered-by/@mechanism"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="soft-comp-by-component" match="d:ixit/d:soft-comp" use="@component"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="upd-mech-by-mechanism" match="d:ixit/d:upd-mech" use="@mechanism"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="ics-entry" match="d:ics/d:entry" use="@provision"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="evidence" match="d:evidence-map/d:evidence" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="evidence-by-provision" match="d:evidence-map/d:evidence" use="@provision"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="artifact" match="d:evidence-map/d:evidence/d:artifact" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="covers-by-case" match="d:evidence/d:external/d:covers" use="@test-case"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="verdict" match="d:verdicts/d:verdict" use="@case"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="waiver" match="d:waivers/d:waiver" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="workflow-step" match="d:workflow/d:step" use="@name"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="self-result" match="d:self-assessment/d:result" use="@ref"/>

  <!-- the results -->
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="outcome" match="r:outcomes/r:provision" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="case-outcome" match="r:outcomes/r:provision/r:case" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="planned-case" match="r:plan/r:case" use="@id"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="planned-by-provision" match="r:plan/r:case" use="@provision"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="findings-by-reference" match="r:findings/r:finding" use="@reference"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="gate-step" match="r:gate/r:step" use="@name"/>
  <!-- findings in which a recorded fact contradicts a claim, by provision;
       and by provision, rule and line of the fact, which names one -->
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="claim-findings" match="r:findings/r:finding[@claim]" use="@reference"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="claim-finding" match="r:findings/r:finding[@claim]" use="concat(@reference, '|', @rule, '|', @fact-line)"/>
  <xsl:key xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1" xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1" name="open-questions-by-step" match="r:open-questions/r:question" use="@step"/>

  <!-- ==== CSV (RFC 4180) =============================================== -->

  <!-- 'yes' (etsi report - -csv-raw): CSV values as they are, for programs;
       otherwise a value a spreadsheet would take for a formula is
       neutralised (csv-field). -->
  <xsl:param name="csv-raw" select="''"/>

  <!-- One field, quoted when it must be, followed by a comma or, for the
       last field of a record, CRLF.  A value that begins with = + - @, a
       tab or a CR is quoted and prefixed with a single quote (OWASP's CSV
       injection advice), as libetsi's C writer does, unless csv-raw. -->
  <xsl:template name="csv-field">
    <xsl:param name="value"/>
    <xsl:param name="last" select="false()"/>
    <xsl:variable name="v" select="string($value)"/>
    <xsl:variable name="formula" select="$csv-raw != 'yes' and $v != '' and contains('=+-@&#9;&#13;', substring($v, 1, 1))"/>
    <xsl:choose>
      <xsl:when test="$formula or contains($v, ',') or contains($v, '&quot;') or contains($v, '&#13;') or contains($v, '&#10;')">
        <xsl:text>"</xsl:text>
        <xsl:if test="$formula">'</xsl:if>
        <xsl:call-template name="double-quotes">
          <xsl:with-param name="s" select="$v"/>
        </xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$v"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$last">
        <xsl:text>&#13;&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>,</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Doubles every quote, in one pass (EXSLT str:replace): linear in the
       length whatever the number of quotes. -->
  <xsl:template xmlns:str="http://exslt.org/strings" name="double-quotes">
    <xsl:param name="s"/>
    <xsl:value-of select="str:replace(string($s), '&quot;', '&quot;&quot;')"/>
  </xsl:template>

  <!-- ==== labels and classes =========================================== -->

  <!-- CSS class suffix of an outcome or a verdict result. -->
  <xsl:template name="outcome-class">
    <xsl:param name="outcome"/>
    <xsl:choose>
      <xsl:when test="$outcome = 'PASS'">pass</xsl:when>
      <xsl:when test="$outcome = 'FAIL'">fail</xsl:when>
      <xsl:when test="$outcome = 'INCONCLUSIVE'">inc</xsl:when>
      <xsl:when test="$outcome = 'NOT APPLICABLE'">nap</xsl:when>
      <xsl:otherwise>nas</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A one-character mark of an outcome, for readers in grey print. -->
  <xsl:template name="outcome-mark">
    <xsl:param name="outcome"/>
    <xsl:choose>
      <xsl:when test="$outcome = 'PASS'">&#x2713;</xsl:when>
      <xsl:when test="$outcome = 'FAIL'">&#x2717;</xsl:when>
      <xsl:when test="$outcome = 'INCONCLUSIVE'">?</xsl:when>
      <xsl:when test="$outcome = 'NOT APPLICABLE'">&#x2205;</xsl:when>
      <xsl:otherwise>&#x2013;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An outcome as text: a provision met by justification (a
       recommendation marked N whose justification check passed, basis
       "justified") reads "PASS (justified)", never a bare PASS beside N. -->
  <xsl:template name="outcome-label">
    <xsl:param name="outcome"/>
    <xsl:param name="basis"/>
    <xsl:value-of select="$outcome"/>
    <xsl:if test="$outcome = 'PASS' and $basis = 'justified'"> (justified)</xsl:if>
  </xsl:template>

  <!-- An outcome badge: <span class="b b-pass">PASS</span>; with the
       provision's basis, "PASS (justified)" when met by justification. -->
  <xsl:template name="outcome-badge">
    <xsl:param name="outcome"/>
    <xsl:param name="basis"/>
    <xsl:param name="label"
               select="concat($outcome, substring(' (justified)', 1,
                              12 * ($outcome = 'PASS' and $basis = 'justified')))"/>
    <xsl:variable name="class">
      <xsl:call-template name="outcome-class">
        <xsl:with-param name="outcome" select="$outcome"/>
      </xsl:call-template>
    </xsl:variable>
    <span class="b b-{$class}">
      <xsl:call-template name="outcome-mark">
        <xsl:with-param name="outcome" select="$outcome"/>
      </xsl:call-template>
      <xsl:text>&#xA0;</xsl:text>
      <xsl:value-of select="$label"/>
    </span>
  </xsl:template>

  <!-- ICS support: Y, N, N/A or not stated. -->
  <xsl:template name="support-class">
    <xsl:param name="support"/>
    <xsl:choose>
      <xsl:when test="$support = 'Y'">sup-y</xsl:when>
      <xsl:when test="$support = 'N'">sup-n</xsl:when>
      <xsl:when test="$support = 'N/A'">sup-na</xsl:when>
      <xsl:otherwise>sup-none</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="support-label">
    <xsl:param name="support"/>
    <xsl:choose>
      <xsl:when test="$support = 'Y'">Y &#x2014; supported</xsl:when>
      <xsl:when test="$support = 'N'">N &#x2014; not met</xsl:when>
      <xsl:when test="$support = 'N/A'">N/A &#x2014; not applicable</xsl:when>
      <xsl:otherwise>not stated</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="support-badge">
    <xsl:param name="support"/>
    <xsl:param name="long" select="false()"/>
    <xsl:variable name="class">
      <xsl:call-template name="support-class">
        <xsl:with-param name="support" select="$support"/>
      </xsl:call-template>
    </xsl:variable>
    <span class="b {$class}">
      <xsl:choose>
        <xsl:when test="$long">
          <xsl:call-template name="support-label">
            <xsl:with-param name="support" select="$support"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="string($support) = ''">not stated</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$support"/>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- Evidence review state: draft, reviewed, accepted, needs-review. -->
  <xsl:template name="review-badge">
    <xsl:param name="review"/>
    <span>
      <xsl:attribute name="class">
        <xsl:text>b </xsl:text>
        <xsl:choose>
          <xsl:when test="$review = 'accepted'">rv-accepted</xsl:when>
          <xsl:when test="$review = 'reviewed'">rv-reviewed</xsl:when>
          <xsl:when test="$review = 'needs-review'">rv-open</xsl:when>
          <xsl:otherwise>rv-draft</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:value-of select="translate($review, '-', ' ')"/>
    </span>
  </xsl:template>

  <!-- Severity of a finding. -->
  <xsl:template name="severity-badge">
    <xsl:param name="severity"/>
    <span class="b sev-{$severity}">
      <xsl:value-of select="$severity"/>
    </span>
  </xsl:template>

  <!-- The two layers, and what belongs to neither. -->
  <xsl:template name="layer-label">
    <xsl:param name="layer"/>
    <xsl:choose>
      <xsl:when test="$layer = 'requirement'">EN 303 645 &#x2014; requirement layer</xsl:when>
      <xsl:when test="$layer = 'assessment'">TS 103 701 &#x2014; assessment layer</xsl:when>
      <xsl:when test="$layer = 'both'">EN 303 645 requirement layer &#xD7; TS 103 701 assessment layer</xsl:when>
      <xsl:when test="$layer = 'evidence'">Evidence for EN 303 645 provisions (requirement layer)</xsl:when>
      <xsl:when test="$layer = 'facts'">Product facts &#x2014; referred to by both layers</xsl:when>
      <xsl:when test="$layer = 'process'">Process &#x2014; release gate (neither layer)</xsl:when>
      <xsl:when test="$layer = 'format'">Dossier format</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$layer"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="layer-chip">
    <xsl:param name="layer"/>
    <span class="layer layer-{$layer}">
      <xsl:call-template name="layer-label">
        <xsl:with-param name="layer" select="$layer"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!-- Short layer names, for tables. -->
  <xsl:template name="layer-short">
    <xsl:param name="layer"/>
    <xsl:choose>
      <xsl:when test="$layer = 'requirement'">EN 303 645</xsl:when>
      <xsl:when test="$layer = 'assessment'">TS 103 701</xsl:when>
      <xsl:when test="$layer = 'evidence'">evidence</xsl:when>
      <xsl:when test="$layer = 'format'">format</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$layer"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- How an outcome was reached (results/outcomes/provision/@basis). -->
  <xsl:template name="basis-label">
    <xsl:param name="basis"/>
    <xsl:choose>
      <xsl:when test="$basis = 'tested'">tested</xsl:when>
      <xsl:when test="$basis = 'justified'">justified (not met)</xsl:when>
      <xsl:when test="$basis = 'not-applicable'">not applicable</xsl:when>
      <xsl:when test="$basis = 'declared-non-conformity'">declared non-conformity</xsl:when>
      <xsl:when test="$basis = 'undecided'">support not stated</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$basis"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Update paths (mechanism/@path), in words. -->
  <xsl:template name="path-label">
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="$path = 'device-download'">device download</xsl:when>
      <xsl:when test="$path = 'companion-app'">companion app</xsl:when>
      <xsl:when test="$path = 'physical-interface'">physical interface</xsl:when>
      <xsl:when test="$path = 'associated-service'">associated service</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$path"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="trust-label">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'signature'">signature check</xsl:when>
      <xsl:when test="$kind = 'authenticated-channel'">authenticated channel</xsl:when>
      <xsl:when test="$kind = 'protected-network'">protected network</xsl:when>
      <xsl:when test="$kind = 'user-confirmation'">user confirmation</xsl:when>
      <xsl:when test="string($kind) = ''">no trust relationship stated</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$kind"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="no-update-label">
    <xsl:param name="reason"/>
    <xsl:choose>
      <xsl:when test="$reason = 'immutable-for-security'">immutable for security</xsl:when>
      <xsl:when test="$reason = 'impracticable'">update impracticable</xsl:when>
      <xsl:when test="$reason = 'constrained'">constrained device</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$reason"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== typed product facts ========================================== -->

  <!-- A typed product fact's value in plain words (docs/reports.md,
       "Product facts"): $fact names the fact (where, location, tls,
       source, rollback, recovery, default, by, disruption, channel, path,
       use), $value is the token the dossier records.
       true and false of any fact read "yes" and "no"; "unknown" reads
       "unknown".  Whether a fact is stated at all is the caller's
       question: an absent fact is "not stated", never "no". -->
  <xsl:template name="fact-words">
    <xsl:param name="fact"/>
    <xsl:param name="value"/>
    <xsl:variable name="words" select="substring-before(substring-after(concat(
      '|where:device-before-install=verified by the device before installation',
      '|where:device-at-boot=verified by the device only when it boots',
      '|where:update-client=verified only by the update client or companion app',
      '|where:server-or-transport=verified only by the server or the transport (TLS)',
      '|where:none=not verified',
      '|location:secure-element=in a secure element',
      '|location:one-time-programmable=in one-time-programmable memory',
      '|location:read-only-memory=in read-only memory',
      '|location:protected-flash=in write-protected flash',
      '|location:writable-storage=in writable storage',
      '|tls:none=not used',
      '|source:vendor-service=the manufacturer&#x2019;s update service',
      '|source:third-party-host=a third-party host',
      '|source:user-configurable=a source the user configures',
      '|rollback:none=none: older versions are accepted',
      '|rollback:version-check=version check',
      '|rollback:hardware-counter=hardware counter',
      '|recovery:none=none',
      '|recovery:dual-bank=two banks: falls back to the previous image',
      '|recovery:recovery-image=a recovery image',
      '|recovery:retry=retries the installation',
      '|default:on=on',
      '|default:off=off',
      '|default:opt-out-at-setup=chosen at setup, preselected on (opt-out)',
      '|default:opt-in-at-setup=chosen at setup, preselected off (opt-in)',
      '|by:device=the device',
      '|by:associated-service=an associated service',
      '|disruption:announced=announced',
      '|disruption:not-announced=not announced',
      '|disruption:never-disrupts=updates never disrupt basic functioning',
      '|channel:device=on the device',
      '|channel:companion-app=in the companion app',
      '|channel:email=by email',
      '|channel:web=on a web page',
      '|channel:other=another channel',
      '|path:service-port=service port',
      '|path:debug-interface=debug interface',
      '|path:recovery-mode=recovery mode',
      '|path:bootloader-console=bootloader console',
      '|path:other=another path',
      '|use:signature=signature',
      '|use:digest=digest',
      '|use:encryption=encryption',
      '|use:mac=MAC',
      '|use:key-exchange=key exchange',
      '|'), concat('|', $fact, ':', $value, '=')), '|')"/>
    <xsl:choose>
      <xsl:when test="$value = 'true'">yes</xsl:when>
      <xsl:when test="$value = 'false'">no</xsl:when>
      <xsl:when test="$value = 'unknown'">unknown</xsl:when>
      <xsl:when test="$words != ''">
        <xsl:value-of select="$words"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="translate($value, '-', ' ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An xs:duration in words: P5Y "5 years", P1Y6M "1 year 6 months",
       P1D "1 day", PT12H "12 hours"; anything else as it is. -->
  <xsl:template name="duration-words">
    <xsl:param name="d"/>
    <xsl:variable name="date" select="substring-before(concat(substring-after($d, 'P'), 'T'), 'T')"/>
    <xsl:variable name="time" select="substring-after($d, 'T')"/>
    <xsl:variable name="y" select="substring-before($date, 'Y')"/>
    <xsl:variable name="after-y" select="substring($date, string-length($y) + 1 + number($y != ''))"/>
    <xsl:variable name="mo" select="substring-before($after-y, 'M')"/>
    <xsl:variable name="after-m" select="substring($after-y, string-length($mo) + 1 + number($mo != ''))"/>
    <xsl:variable name="w" select="substring-before($after-m, 'W')"/>
    <xsl:variable name="after-w" select="substring($after-m, string-length($w) + 1 + number($w != ''))"/>
    <xsl:variable name="dd" select="substring-before($after-w, 'D')"/>
    <xsl:variable name="h" select="substring-before($time, 'H')"/>
    <xsl:variable name="after-h" select="substring($time, string-length($h) + 1 + number($h != ''))"/>
    <xsl:variable name="mi" select="substring-before($after-h, 'M')"/>
    <xsl:variable name="words" select="normalize-space(concat(
      substring(concat($y, ' year', substring('s', 1, number($y != '1')), ' '), 1, 1000 * number($y != '')),
      substring(concat($mo, ' month', substring('s', 1, number($mo != '1')), ' '), 1, 1000 * number($mo != '')),
      substring(concat($w, ' week', substring('s', 1, number($w != '1')), ' '), 1, 1000 * number($w != '')),
      substring(concat($dd, ' day', substring('s', 1, number($dd != '1')), ' '), 1, 1000 * number($dd != '')),
      substring(concat($h, ' hour', substring('s', 1, number($h != '1')), ' '), 1, 1000 * number($h != '')),
      substring(concat($mi, ' minute', substring('s', 1, number($mi != '1')), ' '), 1, 1000 * number($mi != ''))))"/>
    <xsl:choose>
      <xsl:when test="starts-with($d, 'P') and $words != '' and string-length(translate($words, '0123456789 abcdefghijklmnopqrstuvwxyz', '')) = 0">
        <xsl:value-of select="$words"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$d"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== small helpers ================================================ -->

  <!-- A size in bytes, for people: 41.9 MB (binary multiples, 1 MB = 1024 KB). -->
  <xsl:template name="human-size">
    <xsl:param name="bytes"/>
    <xsl:choose>
      <xsl:when test="string($bytes) = '' or string(number($bytes)) = 'NaN'"/>
      <xsl:when test="$bytes &lt; 1024">
        <xsl:value-of select="$bytes"/>
        <xsl:text> B</xsl:text>
      </xsl:when>
      <xsl:when test="$bytes &lt; 1048576">
        <xsl:value-of select="format-number($bytes div 1024, '0.0')"/>
        <xsl:text> KB</xsl:text>
      </xsl:when>
      <xsl:when test="$bytes &lt; 1073741824">
        <xsl:value-of select="format-number($bytes div 1048576, '0.0')"/>
        <xsl:text> MB</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number($bytes div 1073741824, '0.0')"/>
        <xsl:text> GB</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- At most $max characters of a text, with an ellipsis when cut. -->
  <xsl:template name="truncate">
    <xsl:param name="text"/>
    <xsl:param name="max" select="40"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="string-length($t) &lt;= $max">
        <xsl:value-of select="$t"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space(substring($t, 1, $max - 1))"/>
        <xsl:text>&#x2026;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 2031-12-31 as "31 December 2031"; anything else as it is. -->
  <xsl:template name="long-date">
    <xsl:param name="iso"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) = 10 and substring($iso, 5, 1) = '-' and $m &gt;= 1 and $m &lt;= 12">
        <xsl:value-of select="number(substring($iso, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring-before(substring-after(
          '|01January|02February|03March|04April|05May|06June|07July|08August|09September|10October|11November|12December|',
          concat('|', substring($iso, 6, 2))), '|')"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($iso, 1, 4)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$iso"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "1 item" / "2 items". -->
  <xsl:template name="plural">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many" select="concat($one, 's')"/>
    <xsl:value-of select="$n"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$n = 1">
        <xsl:value-of select="$one"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$many"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link when the URL is http(s), plain text otherwise (a report never
       carries javascript: or file: links out of a dossier). -->
  <xsl:template name="link">
    <xsl:param name="url"/>
    <xsl:param name="text" select="$url"/>
    <xsl:choose>
      <xsl:when test="(starts-with($url, 'https://') or starts-with($url, 'http://')) and not(contains($url, ' '))">
        <a href="{$url}" class="url">
          <xsl:value-of select="$text"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="url">
          <xsl:value-of select="$text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text with its paragraphs: a blank line in the dossier starts a new one.
       EXSLT str:split cuts the text once, so the cost is linear in its
       length whatever the number of paragraphs (a template that recursed
       on substring-after() would copy the rest of the text per paragraph:
       quadratic time and memory).  Carriage returns go with str:replace:
       libxml2's translate() reallocates its result a few bytes at a time,
       17 GB of allocations for a 600 KB text. -->
  <xsl:template xmlns:str="http://exslt.org/strings" name="paragraphs">
    <xsl:param name="text"/>
    <xsl:for-each select="str:split(str:replace(string($text), '&#13;', ''), '&#10;&#10;')">
      <xsl:if test="normalize-space(.) != ''">
        <p xsl:exclude-result-prefixes="str">
          <xsl:value-of select="normalize-space(.)"/>
        </p>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ==== the shared CSS =============================================== -->

  <xsl:template name="css">
    <xsl:text>
:root {
  --ink: #1b2433; --ink-2: #3a4557; --muted: #5f6b7d; --faint: #8b96a8;
  --line: #e2e7ee; --line-2: #cdd5e0; --soft: #f5f7fa; --paper: #ffffff; --desk: #e9edf2;
  --accent: #1f3a5f; --accent-2: #2f5b8f;
  --pass: #17663a; --pass-bg: #e3f3e8; --pass-line: #9fd0b0;
  --fail: #a3231b; --fail-bg: #fbe6e4; --fail-line: #e7a49e;
  --inc: #8a5300; --inc-bg: #fdf1d8; --inc-line: #e9c27a;
  --nas: #47536a; --nas-bg: #eef1f6; --nas-line: #b4bfcf;
  --nap: #6b7587; --nap-bg: #ffffff; --nap-line: #c4cbd6;
  --req: #1d47a8; --req-bg: #ebf1ff; --req-line: #b7c9f2;
  --asm: #5b2fb3; --asm-bg: #f2eefe; --asm-line: #cfc1f3;
  --evd: #0e6b63; --evd-bg: #e6f5f3; --evd-line: #a9d9d2;
  --fact: #3f4a5c; --fact-bg: #f0f2f5; --fact-line: #cbd2dc;
  --proc: #82510f; --proc-bg: #fbf2e4; --proc-line: #e6c99c;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --sans: "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--desk); }
body { margin: 0; color: var(--ink); font: 14px/1.5 var(--sans); -webkit-text-size-adjust: 100%; }
.sheet { max-width: 1180px; margin: 24px auto; background: var(--paper); padding: 40px 48px 32px;
  box-shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 4px 16px rgba(16, 24, 40, .06); border-radius: 2px; }
a { color: var(--accent-2); text-decoration: none; }
a:hover { text-decoration: underline; }
p { margin: 0 0 .6em; }
h1, h2, h3, h4 { color: var(--ink); line-height: 1.25; }
h1 { font-size: 26px; font-weight: 650; margin: 6px 0 4px; letter-spacing: -.01em; }
h2 { font-size: 19px; font-weight: 650; margin: 0; }
h3 { font-size: 15px; font-weight: 650; margin: 22px 0 8px; }
h4 { font-size: 13px; font-weight: 650; margin: 14px 0 6px; }
code, .mono { font-family: var(--mono); font-size: 12px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.nowrap { white-space: nowrap; }
.hash { font-family: var(--mono); font-size: 10.5px; word-break: break-all; color: var(--ink-2); }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 11px; font-weight: 650; color: var(--accent-2); }

/* the report's head */
.masthead { border-top: 4px solid var(--accent); padding-top: 18px; display: flex; justify-content: space-between; gap: 24px; }
.masthead .sub { color: var(--muted); font-size: 14px; margin: 0; }
.masthead .stamp { text-align: right; font-size: 12px; color: var(--muted); white-space: nowrap; }
.masthead .stamp strong { color: var(--ink); display: block; font-size: 13px; }
.facts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0; margin: 20px 0 0;
  border: 1px solid var(--line); border-radius: 4px; }
.facts div { padding: 8px 12px; border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); min-width: 0; }
.facts div:nth-child(4n) { border-right: 0; }
.facts dt { font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
.facts dd { margin: 1px 0 0; font-size: 13px; overflow-wrap: break-word; }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 16px 0 0; }
.kpi { border: 1px solid var(--line); border-radius: 4px; padding: 12px 14px; background: var(--soft); border-left-width: 4px; }
.kpi .kh { margin: 0 0 6px; font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 650; }
.kpi .big { font-size: 20px; font-weight: 700; letter-spacing: .01em; line-height: 1.2; }
.kpi .note { font-size: 12px; color: var(--muted); margin-top: 4px; }
.kpi.k-pass { border-left-color: var(--pass); } .kpi.k-pass .big { color: var(--pass); }
.kpi.k-fail { border-left-color: var(--fail); } .kpi.k-fail .big { color: var(--fail); }
.kpi.k-inc { border-left-color: var(--inc); } .kpi.k-inc .big { color: var(--inc); }
.kpi.k-nas { border-left-color: var(--nas); } .kpi.k-nas .big { color: var(--nas); }
.kpi.k-nap { border-left-color: var(--nap-line); } .kpi.k-nap .big { color: var(--nap); }
.counts { display: flex; gap: 14px; flex-wrap: wrap; font-size: 13px; }
.counts b { font-size: 20px; font-weight: 700; margin-right: 3px; }
.c-err b { color: var(--fail); } .c-warn b { color: var(--inc); } .c-info b { color: var(--nas); }

/* contents */
nav.toc { margin: 22px 0 0; padding: 14px 18px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; }
nav.toc h2 { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 0 0 6px; }
nav.toc ol { margin: 0; padding: 0; list-style: none; columns: 2; column-gap: 32px; }
nav.toc li { padding: 3px 0; break-inside: avoid; font-size: 13px; display: flex; gap: 8px; align-items: baseline; }
nav.toc .n { color: var(--faint); font-variant-numeric: tabular-nums; width: 1.6em; flex: none; }
nav.toc .layer { margin-left: auto; }

/* sections */
section.sec { margin-top: 40px; }
.sec-h { display: flex; align-items: baseline; justify-content: space-between; gap: 16px; border-bottom: 2px solid var(--ink); padding-bottom: 6px; margin-bottom: 12px; }
.sec-h .n { color: var(--faint); font-weight: 600; margin-right: 10px; font-variant-numeric: tabular-nums; }
.lede { color: var(--ink-2); max-width: 62em; }
.layer { display: inline-block; font-size: 11px; font-weight: 600; padding: 2px 8px; border-radius: 10px; border: 1px solid; white-space: nowrap; }
.layer-requirement { color: var(--req); background: var(--req-bg); border-color: var(--req-line); }
.layer-assessment { color: var(--asm); background: var(--asm-bg); border-color: var(--asm-line); }
.layer-both { color: var(--ink-2); background: linear-gradient(90deg, var(--req-bg), var(--asm-bg)); border-color: var(--line-2); }
.layer-evidence { color: var(--evd); background: var(--evd-bg); border-color: var(--evd-line); }
.layer-facts { color: var(--fact); background: var(--fact-bg); border-color: var(--fact-line); }
.layer-process { color: var(--proc); background: var(--proc-bg); border-color: var(--proc-line); }
.layer-format { color: var(--fact); background: var(--fact-bg); border-color: var(--fact-line); }

/* tables */
table.t { width: 100%; border-collapse: collapse; font-size: 13px; margin: 6px 0 12px; }
table.t th { text-align: left; font-size: 10.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 650;
  padding: 6px 8px; border-bottom: 1.5px solid var(--line-2); background: var(--soft); vertical-align: bottom; }
table.t td { padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
table.fixed { table-layout: fixed; }
.w6 { width: 6%; } .w8 { width: 8%; } .w9 { width: 9%; } .w10 { width: 10%; } .w11 { width: 11%; } .w12 { width: 12%; } .w14 { width: 14%; } .w16 { width: 16%; } .w18 { width: 18%; } .w20 { width: 20%; } .w22 { width: 22%; } .w24 { width: 24%; } .w26 { width: 26%; } .w30 { width: 30%; } .w34 { width: 34%; } .w-hash { width: 232px; }
table.t tbody tr:last-child td { border-bottom: 1px solid var(--line-2); }
table.t td.id, table.t th.id { white-space: nowrap; overflow-wrap: normal; }
table.t td.id { font-weight: 650; }
table.t tr.group td { background: var(--soft); font-weight: 650; border-bottom: 1px solid var(--line-2); padding-top: 9px; }
table.t td.num, table.t th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.t tr.waived td { color: var(--faint); }
table.t tr.waived td .b { opacity: .7; }
table.kv { border-collapse: collapse; width: 100%; font-size: 13px; margin: 4px 0 12px; }
table.kv th { text-align: left; vertical-align: top; width: 15em; padding: 6px 12px 6px 0; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
table.kv td { padding: 6px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
.sub-id { display: block; font-weight: 400; color: var(--muted); font-size: 11.5px; }
.empty { color: var(--muted); font-style: italic; padding: 8px 0; }
.missing { color: var(--inc); font-style: italic; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { margin: 0 0 2px; }
ul.tight { margin: 0; padding-left: 1.1em; }

/* badges */
.b { display: inline-block; font-size: 11px; font-weight: 650; line-height: 1.45; padding: 0 7px; border-radius: 3px; border: 1px solid; white-space: nowrap; letter-spacing: .02em; vertical-align: baseline; }
.b-pass { color: var(--pass); background: var(--pass-bg); border-color: var(--pass-line); }
.b-fail { color: var(--fail); background: var(--fail-bg); border-color: var(--fail-line); border-width: 1.5px; }
.b-inc { color: var(--inc); background: var(--inc-bg); border-color: var(--inc-line); }
.b-nas { color: var(--nas); background: var(--nas-bg); border-color: var(--nas-line); border-style: dashed; }
.b-nap { color: var(--nap); background: var(--nap-bg); border-color: var(--nap-line); border-style: dotted; }
.sup-y { color: var(--req); background: var(--req-bg); border-color: var(--req-line); }
.sup-n { color: var(--inc); background: #fff; border-color: var(--inc); }
.sup-na { color: var(--nap); background: #fff; border-color: var(--nap-line); border-style: dotted; }
.sup-none { color: var(--inc); background: #fff; border-color: var(--inc-line); border-style: dashed; }
.rv-accepted { color: var(--pass); background: #fff; border-color: var(--pass-line); }
.rv-reviewed { color: var(--req); background: #fff; border-color: var(--req-line); }
.rv-open, .rv-draft { color: var(--inc); background: #fff; border-color: var(--inc-line); border-style: dashed; }
.sev-error { color: #fff; background: var(--fail); border-color: var(--fail); }
.sev-warning { color: var(--inc); background: var(--inc-bg); border-color: var(--inc-line); }
.sev-info { color: var(--nas); background: var(--nas-bg); border-color: var(--nas-line); }
.b-yes { color: var(--pass); background: #fff; border-color: var(--pass-line); }
.b-no { color: var(--fail); background: #fff; border-color: var(--fail-line); }
.b-neutral { color: var(--ink-2); background: var(--soft); border-color: var(--line-2); }
.b-private { color: var(--ink-2); background: var(--soft); border-color: var(--line-2); }
.b-public { color: var(--evd); background: #fff; border-color: var(--evd-line); }
.flag { display: inline-block; font-size: 11px; padding: 0 6px; margin: 1px 2px 1px 0; border-radius: 3px; border: 1px solid var(--line-2); color: var(--ink-2); white-space: nowrap; }
.flag.on { background: var(--accent); color: #fff; border-color: var(--accent); }

/* typed product facts: "not stated" (left out) and "unknown" (stated as not
   known) look different from each other and from any stated value */
.fv { display: inline-block; font-size: 11px; font-weight: 600; line-height: 1.45; padding: 0 6px; border-radius: 3px; white-space: nowrap; }
.fv-none { color: var(--faint); border: 1px dashed var(--line-2); font-style: italic; }
.fv-unknown { color: var(--inc); background: var(--inc-bg); border: 1px solid var(--inc-line); }
ul.fl { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 18px; }
ul.fl li { white-space: nowrap; }
ul.fl .fk { color: var(--muted); }
table.crypto { width: auto; min-width: 60%; margin: 0; }
table.crypto td, table.crypto th { padding: 3px 12px 3px 0; }
.b-contra { color: #fff; background: var(--fail); border-color: var(--fail); }
a.b-contra:hover { text-decoration: none; opacity: .85; }
tr.contradicted td:first-child { box-shadow: inset 3px 0 0 var(--fail); }
.contra { margin: 0 0 6px; }
.contra .fact { font-family: var(--mono); font-size: 11.5px; }
.pin + .pin { margin-top: 5px; }
.contra-mark { margin-top: 4px; }
.b-risk { color: var(--inc); background: var(--inc-bg); border-color: var(--inc-line); border-style: dashed; white-space: normal; }
table.self { border-left: 3px solid var(--proc-line); }
.self-note { border-left: 3px solid var(--proc-line); background: var(--proc-bg); padding: 6px 10px; font-size: 12.5px; margin: 4px 0 8px; }

/* figures */
figure { margin: 8px 0 16px; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px; color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 5px; }
.two { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; }

/* SVG */
svg text { font-family: var(--sans); fill: var(--ink); }
svg .th { font-size: 10.5px; font-weight: 650; fill: var(--muted); letter-spacing: .05em; text-transform: uppercase; }
svg .grp { font-size: 10.5px; font-weight: 650; }
svg .grp-req { fill: var(--req); } svg .grp-asm { fill: var(--asm); } svg .grp-evd { fill: var(--evd); }
svg .rule-req { stroke: var(--req); stroke-width: 2; } svg .rule-asm { stroke: var(--asm); stroke-width: 2; } svg .rule-evd { stroke: var(--evd); stroke-width: 2; }
svg .pid { font-size: 12.5px; font-weight: 700; }
svg .code { font-size: 11px; font-family: var(--mono); fill: var(--muted); }
svg .ttl { font-size: 12px; fill: var(--ink-2); }
svg .cell { font-size: 11px; font-weight: 650; }
svg .zebra { fill: var(--soft); }
svg .cell-pass rect, svg rect.cell-pass { fill: var(--pass-bg); stroke: var(--pass-line); }
svg .cell-pass text, svg text.cell-pass { fill: var(--pass); }
svg .cell-fail rect, svg rect.cell-fail { fill: var(--fail-bg); stroke: var(--fail); stroke-width: 1.5; }
svg .cell-fail text, svg text.cell-fail { fill: var(--fail); }
svg .cell-inc rect, svg rect.cell-inc { fill: var(--inc-bg); stroke: var(--inc-line); }
svg .cell-inc text, svg text.cell-inc { fill: var(--inc); }
svg .cell-nas rect, svg rect.cell-nas { fill: var(--nas-bg); stroke: var(--nas-line); stroke-dasharray: 3 2; }
svg .cell-nas text, svg text.cell-nas { fill: var(--nas); }
svg .cell-nap rect, svg rect.cell-nap { fill: #fff; stroke: var(--nap-line); stroke-dasharray: 1 2; }
svg .cell-nap text, svg text.cell-nap { fill: var(--nap); }
svg .cell-sup-y rect { fill: var(--req-bg); stroke: var(--req-line); } svg .cell-sup-y text { fill: var(--req); }
svg .cell-sup-n rect { fill: #fff; stroke: var(--inc); stroke-width: 1.5; } svg .cell-sup-n text { fill: var(--inc); }
svg .cell-sup-na rect { fill: #fff; stroke: var(--nap-line); stroke-dasharray: 1 2; } svg .cell-sup-na text { fill: var(--nap); }
svg .cell-sup-none rect { fill: #fff; stroke: var(--inc); stroke-dasharray: 3 2; } svg .cell-sup-none text { fill: var(--inc); }
svg .cell-contra rect { fill: var(--fail-bg); stroke: var(--fail); stroke-width: 1.5; } svg .cell-contra text { fill: var(--fail); }
svg .cell-ev-ok rect { fill: var(--evd-bg); stroke: var(--evd-line); } svg .cell-ev-ok text { fill: var(--evd); }
svg .cell-ev-open rect { fill: var(--inc-bg); stroke: var(--inc-line); stroke-dasharray: 3 2; } svg .cell-ev-open text { fill: var(--inc); }
svg .cell-ev-missing rect { fill: #fff; stroke: var(--fail); stroke-dasharray: 3 2; } svg .cell-ev-missing text { fill: var(--fail); }
svg .cell-ev-none rect { fill: #fff; stroke: var(--line-2); stroke-dasharray: 1 2; } svg .cell-ev-none text { fill: var(--faint); }
svg .sq { font-size: 9.5px; font-weight: 700; }
svg .bar-label { font-size: 12px; fill: var(--ink-2); }
svg .bar-count { font-size: 12px; font-weight: 700; }
svg .bar-track { fill: var(--soft); }
svg rect.bar.cell-nap { fill: #e8ebf0; stroke: var(--nap-line); stroke-dasharray: none; }
svg .axis { stroke: var(--line-2); stroke-width: 1; }
svg .panel-title { font-size: 12px; font-weight: 650; }
svg .box rect.frame { fill: #fff; stroke: var(--line-2); stroke-width: 1.2; }
svg .box-comp rect.frame { stroke: var(--accent-2); }
svg .box-fixed rect.frame { fill: var(--soft); stroke: var(--faint); stroke-dasharray: 4 3; }
svg .box-undecided rect.frame { fill: var(--inc-bg); stroke: var(--inc); stroke-dasharray: 4 3; }
svg .box-mech rect.frame { fill: var(--asm-bg); stroke: var(--asm-line); }
svg .box-mech-off rect.frame { fill: #fff; stroke: var(--faint); stroke-dasharray: 4 3; }
svg .box-svc rect.frame { fill: var(--fact-bg); stroke: var(--fact-line); }
svg .name { font-size: 12.5px; font-weight: 650; }
svg .meta { font-size: 11px; fill: var(--muted); }
svg .chip rect { fill: #fff; stroke: var(--line-2); }
svg .chip text { font-size: 10px; font-weight: 650; fill: var(--ink-2); }
svg .chip.on rect { fill: var(--accent); stroke: var(--accent); }
svg .chip.on text { fill: #fff; }
svg .edge { fill: none; stroke: var(--accent-2); stroke-width: 1.4; opacity: .75; }
svg .edge-svc { fill: none; stroke: var(--faint); stroke-width: 1.2; stroke-dasharray: 4 3; }
svg .col-title { font-size: 11px; font-weight: 650; fill: var(--muted); letter-spacing: .06em; text-transform: uppercase; }
svg .arrow { fill: var(--accent-2); }
svg .note { font-size: 12px; fill: var(--muted); font-style: italic; }

/* cards */
.card { border: 1px solid var(--line); border-radius: 4px; padding: 12px 14px; margin: 0 0 10px; background: #fff; }
.card-h { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 10px; margin-bottom: 6px; }
.card-h .title { font-weight: 650; }
.card .claim { margin: 4px 0 6px; }
.card .cond { font-size: 12.5px; color: var(--ink-2); border-left: 3px solid var(--line-2); padding-left: 8px; margin: 4px 0 8px; }
.card table.t, .card table.kv { margin-bottom: 2px; }
.card table.kv th { width: 12em; }
.ext { background: var(--evd-bg); border: 1px solid var(--evd-line); border-radius: 3px; padding: 8px 10px; font-size: 12.5px; margin: 6px 0 8px; }
.prov-h { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; margin: 22px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line-2); }
.prov-h h3 { margin: 0; }
.callout { border-left: 3px solid var(--inc); background: var(--inc-bg); padding: 6px 10px; margin: 6px 0 0; font-size: 12.5px; border-radius: 0 3px 3px 0; }
.callout.fail { border-left-color: var(--fail); background: var(--fail-bg); }
.hint { font-size: 12.5px; color: var(--ink-2); margin-top: 3px; }
.hint::before { content: "How to fix: "; font-weight: 650; color: var(--muted); }
.inputs { list-style: none; margin: 0; padding: 0; font-size: 12px; }
.inputs li { padding: 1px 0; }
.inputs .m { display: inline-block; width: 1.2em; font-weight: 700; text-align: center; }
.inputs .yes .m { color: var(--pass); } .inputs .no { color: var(--fail); } .inputs .unchecked .m { color: var(--faint); }
.inputs .unknown { color: var(--inc); }
.purpose { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; font-weight: 400; }

/* the release gate */
ol.steps { list-style: none; display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 8px; padding: 0; margin: 8px 0 18px; counter-reset: step; }
ol.steps li { border: 1px solid var(--line); border-top: 4px solid var(--nas-line); border-radius: 3px; padding: 8px 10px; font-size: 12px; background: #fff; }
ol.steps li.complete { border-top-color: var(--pass); }
ol.steps li.blocked { border-top-color: var(--fail); background: var(--fail-bg); }
ol.steps .k { font-size: 10.5px; font-weight: 650; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
ol.steps .t { font-weight: 650; display: block; margin: 2px 0 4px; line-height: 1.3; }
.gate-q { font-style: italic; color: var(--ink-2); }
.blocker { color: var(--fail); }

footer.foot { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 11.5px; color: var(--muted); display: flex; justify-content: space-between; gap: 16px; flex-wrap: wrap; }

@media screen and (max-width: 900px) {
  .sheet { padding: 20px; margin: 0; }
  .facts, .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .facts div:nth-child(4n) { border-right: 1px solid var(--line); }
  .two { grid-template-columns: 1fr; }
  ol.steps { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  nav.toc ol { columns: 1; }
}

@media print {
  @page { size: A4; margin: 14mm 12mm 15mm; }
  html, body { background: #fff; }
  body { font-size: 9pt; }
  .sheet { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.sec { break-before: page; margin-top: 0; }
  .sec-h, h3, h4, .prov-h { break-after: avoid; }
  tr, .card, .kpi, figure, .ext, .callout, ol.steps li, nav.toc li { break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  a { color: inherit; }
  table.t { font-size: 8.5pt; }
  table.t th { font-size: 7pt; }
  .facts dd, table.kv { font-size: 8.5pt; }
  .kpi .big { font-size: 13pt; }
  .two { display: block; }
  .b { font-size: 6.5pt; padding: 0 4px; letter-spacing: 0; }
  .flag { font-size: 6.5pt; }
  .w-hash { width: 190px; }
  .hash { font-size: 7pt; }
  .facts div { padding: 5px 8px; }
  h1 { font-size: 19pt; }
  nav.toc { margin-top: 14px; }
  figure svg { max-height: 245mm; }
  nav.toc { break-inside: avoid; }
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-base.xsl: the HTML helpers the sections of the report share.

  sec-head (a section's number, title and layer chip), edition-en and
  edition-ts (the editions the dossier names, $EN and $TS), or-missing (a
  value, or "not given"), claim-anchor (the id of a contradicted claim's
  row in the findings, linked from the ICS) and field-name (an IXIT
  field's name from the TS 103 701 catalog).

  Part of report-html.xsl, which includes it; the labels, badges and keys
  every report shares are in common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="rp d r c exsl str">

  <!-- A section's head: number, title and layer. -->
  <xsl:template name="sec-head">
    <xsl:param name="n"/>
    <xsl:param name="title"/>
    <xsl:param name="layer"/>
    <div class="sec-h">
      <h2>
        <span class="n">
          <xsl:value-of select="$n"/>
        </span>
        <xsl:value-of select="$title"/>
      </h2>
      <xsl:call-template name="layer-chip">
        <xsl:with-param name="layer" select="$layer"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <xsl:template name="edition-en">
    <xsl:text>EN 303 645 V</xsl:text>
    <xsl:value-of select="$EN"/>
  </xsl:template>

  <xsl:template name="edition-ts">
    <xsl:text>TS 103 701 V</xsl:text>
    <xsl:value-of select="$TS"/>
  </xsl:template>

  <xsl:template name="or-missing">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''">
        <xsl:value-of select="normalize-space($v)"/>
      </xsl:when>
      <xsl:otherwise>
        <span class="missing">not given</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The id of the findings row of a claim finding (the context): one per
       provision, rule and line of the fact, so that the ICS table can link
       to it without counting findings. -->
  <xsl:template name="claim-anchor">
    <xsl:text>fc-</xsl:text>
    <xsl:value-of select="translate(concat(@reference, '-', @rule, '-', @fact-line), ' &#9;&#10;&#13;', '____')"/>
  </xsl:template>

  <xsl:template name="field-name">
    <xsl:param name="table"/>
    <xsl:param name="field"/>
    <xsl:variable name="f" select="key('ixit-field', concat($table, '#', $field))"/>
    <xsl:choose>
      <xsl:when test="$f">
        <xsl:value-of select="$f/@name"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$field"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
